package dev.tandem.readiness.internal;

import dev.tandem.catalog.Service;
import dev.tandem.catalog.Team;
import dev.tandem.catalog.Teams;
import dev.tandem.readiness.CheckInfo;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Fact;
import dev.tandem.readiness.FactCollector;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.tandem.readiness.Requirement.RECOMMENDED;
import static dev.tandem.readiness.Requirement.REQUIRED;

/** Facts read from the catalog itself: is the service owned, described, documented and reachable? */
@Component
class CatalogCollector implements FactCollector {

    static final List<CheckInfo> CHECKS = List.of(
            new CheckInfo("catalog.owner", "An owning team with members", "catalog",
                    "The service's owner team exists in the catalog and has at least one member.",
                    "Add the people of the owning team to it in the catalog.", "catalog",
                    CheckDefinitions.levels(REQUIRED, REQUIRED, REQUIRED)),
            new CheckInfo("catalog.description", "A description", "catalog",
                    "The catalog says in a sentence or two what the service does.",
                    "Write a description for the service in its catalog-info.yaml or on its page.", "catalog",
                    CheckDefinitions.levels(REQUIRED, REQUIRED, RECOMMENDED)),
            new CheckInfo("catalog.runbook", "A runbook link", "catalog",
                    "The service links to the runbook on-call engineers follow.",
                    "Set the tandem.dev/runbook-url annotation or the runbook field.", "catalog",
                    CheckDefinitions.levels(REQUIRED, REQUIRED, RECOMMENDED)),
            new CheckInfo("catalog.on-call", "An on-call contact", "catalog",
                    "The owning team has a chat channel or an e-mail address where it can be reached.",
                    "Set the team's chat channel (tandem.dev/chat-channel) or e-mail.", "catalog",
                    CheckDefinitions.levels(REQUIRED, REQUIRED, RECOMMENDED)),
            new CheckInfo("catalog.dependencies", "Dependencies declared", "catalog",
                    "The service declares what it depends on: other services, resources or consumed APIs.",
                    "List the service's dependencies (spec.dependsOn, spec.consumesApis); if it truly has none, exempt the check with that reason.",
                    "catalog", CheckDefinitions.levels(REQUIRED, RECOMMENDED, RECOMMENDED)));

    private final Teams teams;

    CatalogCollector(Teams teams) {
        this.teams = teams;
    }

    @Override
    public String source() {
        return "catalog";
    }

    @Override
    public List<Fact> collect(Service service) {
        Instant now = Instant.now();
        Optional<Team> team = teams.find(service.owner());
        boolean hasMembers = team.map(t -> !t.members().isEmpty()).orElse(false);
        boolean reachable = team.map(t -> present(t.chatChannel()) || present(t.email())).orElse(false);
        int dependencies = service.dependsOn().size() + service.dependsOnResources().size() + service.consumesApis().size();
        return List.of(
                fact("catalog.owner", hasMembers, hasMembers ? "owned by " + service.owner()
                        : "team '" + service.owner() + "' has no members", now),
                fact("catalog.description", present(service.description()),
                        present(service.description()) ? "described" : "no description", now),
                fact("catalog.runbook", present(service.runbookUrl()),
                        present(service.runbookUrl()) ? service.runbookUrl() : "no runbook link", now),
                fact("catalog.on-call", reachable, reachable ? contact(team.get())
                        : "team '" + service.owner() + "' has neither a chat channel nor an e-mail", now),
                fact("catalog.dependencies", dependencies > 0, dependencies > 0
                        ? dependencies + " dependencies declared" : "no dependencies declared", now));
    }

    private static String contact(Team t) {
        return present(t.chatChannel()) ? t.chatChannel() : t.email();
    }

    private Fact fact(String key, boolean pass, String details, Instant now) {
        return new Fact(key, pass ? CheckStatus.PASS : CheckStatus.FAIL, null, details, source(), now, null);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
