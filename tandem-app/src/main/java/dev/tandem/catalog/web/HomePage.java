package dev.tandem.catalog.web;

import dev.tandem.audit.AuditLog;
import dev.tandem.audit.AuditQuery;
import dev.tandem.catalog.DemoCatalog;
import dev.tandem.catalog.ImportSummary;
import dev.tandem.catalog.People;
import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.ServiceQuery;
import dev.tandem.catalog.Services;
import dev.tandem.catalog.Systems;
import dev.tandem.catalog.Teams;
import dev.tandem.shared.Actor;
import dev.tandem.shared.PageRequest;
import dev.tandem.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The home page: how big the catalog is, how ready its services are, and what changed lately. */
@Controller
class HomePage {

    /** Counting asks for a one-row page: the total comes with it. */
    private static final PageRequest COUNT = new PageRequest(0, 1, null, false);

    private final Services services;
    private final Teams teams;
    private final People people;
    private final Systems systems;
    private final AuditLog audit;
    private final DemoCatalog demo;

    HomePage(Services services, Teams teams, People people, Systems systems, AuditLog audit, DemoCatalog demo) {
        this.services = services;
        this.teams = teams;
        this.people = people;
        this.systems = systems;
        this.audit = audit;
        this.demo = demo;
    }

    @GetMapping("/")
    String home(Model model) {
        long serviceCount = services.list(ServiceQuery.all(), COUNT).totalItems();
        long teamCount = teams.list(null, COUNT).totalItems();
        model.addAttribute("serviceCount", serviceCount);
        model.addAttribute("teamCount", teamCount);
        model.addAttribute("peopleCount", people.list(null, null, COUNT).totalItems());
        model.addAttribute("systemCount", systems.list(null, COUNT).totalItems());
        Map<ReadinessLevel, Long> byLevel = new LinkedHashMap<>();
        for (ReadinessLevel level : ReadinessLevel.values()) {
            byLevel.put(level, services.list(new ServiceQuery(null, null, level, null, null, null), COUNT).totalItems());
        }
        model.addAttribute("byLevel", byLevel);
        boolean admin = Actor.current().role() == Role.ADMIN;
        if (admin) {
            model.addAttribute("recent", audit.find(new AuditQuery(null, null, null), new PageRequest(0, 10, null, true)).items());
        }
        boolean empty = serviceCount == 0 && teamCount == 0;
        model.addAttribute("empty", empty);
        model.addAttribute("demoAvailable", admin && empty && demoAvailable());
        return "catalog/home";
    }

    @PostMapping("/demo")
    String loadDemo(RedirectAttributes redirect) {
        if (Actor.current().role() != Role.ADMIN) {
            throw new AccessDeniedException("only admins may load the demo organisation");
        }
        ImportSummary summary = demo.load();
        redirect.addFlashAttribute("notice", "The demo organisation was loaded: " + summary.created() + " records created.");
        return "redirect:/";
    }

    /** The demo needs the import engine; a build without it simply does not offer the demo. */
    private boolean demoAvailable() {
        try {
            return demo.available();
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }
}
