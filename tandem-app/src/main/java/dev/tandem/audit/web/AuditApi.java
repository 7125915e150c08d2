package dev.tandem.audit.web;

import dev.tandem.audit.AuditEntry;
import dev.tandem.audit.AuditLog;
import dev.tandem.audit.AuditQuery;
import dev.tandem.shared.PageRequest;
import dev.tandem.web.PageResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit log")
class AuditApi {

    private final AuditLog audit;
    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    PageResponse<AuditEntry> list(@RequestParam(required = false) String entityType,
                                  @RequestParam(required = false) String entityName,
                                  @RequestParam(required = false) String actor,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        AuditAccess.requireAdmin();
        return PageResponse.of(audit.find(new AuditQuery(entityType, entityName, actor), PageRequest.of(page, size, sort)));
    }
}
