package dev.tandem.audit.web;

import dev.tandem.audit.AuditEntry;
import dev.tandem.audit.AuditLog;
import dev.tandem.audit.AuditQuery;
import dev.tandem.shared.Actor;
import dev.tandem.shared.Json;
import dev.tandem.shared.Page;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, for admins. The role is checked here from the signed-in actor rather than through the
 * accounts module's policy, because accounts already depends on audit and the modules must not form a cycle.
 */
@Controller
class AuditPages {

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    /** One entry with its snapshots laid out for reading. */
    record Row(AuditEntry entry, String before, String after) {
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityName,
                @RequestParam(required = false) String actor, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, Model model) {
        if (Actor.current().role() != Role.ADMIN) {
            throw new AccessDeniedException("only admins may read the audit log");
        }
        AuditQuery query = new AuditQuery(entityType, entityName, actor);
        Page<Row> rows = audit.find(query, PageRequest.of(page, size, null))
                .map(e -> new Row(e, pretty(e.before()), pretty(e.after())));
        model.addAttribute("query", query);
        model.addAttribute("results", rows);
        return "audit/list";
    }

    private static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(json));
        } catch (RuntimeException e) {
            return json; // a truncated snapshot is no longer valid JSON; show it as stored
        }
    }
}
