package dev.tandem.readiness;

import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.readiness.internal.ItemEvaluation;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The readiness of a service, assembled from its review, checklist, facts, exemptions and scorecards. */
@Component
public class Readiness {

    private final Services services;
    private final Reviews reviews;
    private final Checklists checklists;
    private final Exemptions exemptions;
    private final ReadinessChecks checks;
    private final ItemEvaluation evaluation;
    private final Scorecards scorecards;

    Readiness(Services services, Reviews reviews, Checklists checklists, Exemptions exemptions, ReadinessChecks checks,
              ItemEvaluation evaluation, Scorecards scorecards) {
        this.services = services;
        this.reviews = reviews;
        this.checklists = checklists;
        this.exemptions = exemptions;
        this.checks = checks;
        this.evaluation = evaluation;
        this.scorecards = scorecards;
    }

    public ServiceReadiness of(String serviceName) {
        Service service = services.get(serviceName);
        Instant now = Instant.now();
        Optional<Review> review = reviews.current(serviceName);
        Optional<Review> approved = reviews.lastApproved(serviceName);
        Checklist checklist = review.map(r -> checklists.get(r.checklistName(), r.checklistVersion()))
                .or(() -> checklists.latest(Checklists.DEFAULT)).orElse(null);
        Integer latest = checklist == null ? null : checklists.latest(checklist.name()).map(Checklist::version).orElse(null);
        Map<String, CheckResult> results = evaluation.results(service.id(), now);
        Map<String, ReviewItem> answers = review.map(r -> reviews.items(r.id())).orElse(Map.of());
        List<ItemStatus> items = checklist == null ? List.of()
                : evaluation.items(checklist, service.readinessLevel(), answers, results, now);
        List<CheckView> views = new ArrayList<>();
        for (CheckResult r : results.values()) {
            checks.find(r.checkId()).ifPresent(info -> views.add(new CheckView(info, info.requirement(service.readinessLevel()), r)));
        }
        return new ServiceReadiness(service.name(), service.owner(), service.readinessLevel(), review.orElse(null),
                approved.orElse(null), checklist == null ? null : checklist.name(),
                checklist == null ? null : checklist.version(), latest, items, progress(checklist, items, true),
                progress(checklist, items, false), ItemEvaluation.blockers(items), views,
                exemptions.forService(service.id()), scorecards.standings(service, results), evaluation.attestationDays(), now);
    }

    /** Progress per phase (in phase order) or per phase and category (in the checklist's category order). */
    static List<Progress> progress(Checklist checklist, List<ItemStatus> items, boolean byPhase) {
        if (checklist == null) {
            return List.of();
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            if (byPhase) {
                counts.put(phase.id(), new int[3]);
                labels.put(phase.id(), new String[] {phase.id(), null, phase.title()});
            } else {
                for (Checklist.Category c : checklist.categories()) {
                    String key = phase.id() + "/" + c.id();
                    counts.put(key, new int[3]);
                    labels.put(key, new String[] {phase.id(), c.id(), c.title()});
                }
            }
        }
        for (ItemStatus s : items) {
            if (s.requirement() == Requirement.NOT_APPLICABLE) {
                continue;
            }
            String key = byPhase ? s.item().phase().id() : s.item().phase().id() + "/" + s.item().category();
            int[] c = counts.get(key);
            if (c == null) {
                continue;
            }
            c[1]++;
            if (s.state().done() && !s.due()) {
                c[0]++;
            }
            if (s.blocking()) {
                c[2]++;
            }
        }
        List<Progress> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (c[1] > 0 || byPhase) {
                String[] l = labels.get(key);
                out.add(new Progress(l[0], l[1], l[2], c[0], c[1], c[2]));
            }
        });
        return out;
    }
}
