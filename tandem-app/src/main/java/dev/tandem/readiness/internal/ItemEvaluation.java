package dev.tandem.readiness.internal;

import dev.tandem.catalog.ReadinessLevel;
import dev.tandem.catalog.Service;
import dev.tandem.readiness.CheckInfo;
import dev.tandem.readiness.CheckResult;
import dev.tandem.readiness.CheckStatus;
import dev.tandem.readiness.Checklist;
import dev.tandem.readiness.ChecklistItem;
import dev.tandem.readiness.Checklists;
import dev.tandem.readiness.Exemption;
import dev.tandem.readiness.Exemptions;
import dev.tandem.readiness.Fact;
import dev.tandem.readiness.Facts;
import dev.tandem.readiness.ItemState;
import dev.tandem.readiness.ItemStatus;
import dev.tandem.readiness.ReadinessChecks;
import dev.tandem.readiness.Requirement;
import dev.tandem.readiness.Review;
import dev.tandem.readiness.ReviewItem;
import dev.tandem.readiness.Reviews;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns facts, exemptions and people's answers into check results and item states. Automatic checks
 * answer an item when every check bound to it has data: one failure fails the item, otherwise it is met
 * with the facts as evidence (checks that do not apply are ignored; if none applies, the people decide).
 * A person's "not applicable" always stands.
 */
@Component
public class ItemEvaluation implements Reviews.ApprovalBlockers {

    private final Checklists checklists;
    private final Facts facts;
    private final Exemptions exemptions;
    private final ReadinessChecks checks;
    private final Duration attestationLife;

    ItemEvaluation(Checklists checklists, Facts facts, Exemptions exemptions, ReadinessChecks checks,
                   @Value("${tandem.readiness.attestation-days:180}") int attestationDays) {
        this.checklists = checklists;
        this.facts = facts;
        this.exemptions = exemptions;
        this.checks = checks;
        this.attestationLife = Duration.ofDays(Math.max(1, attestationDays));
    }

    public int attestationDays() {
        return (int) attestationLife.toDays();
    }

    /** The result of every known check for the service, and of every pushed outcome ({@code fact.<key>}). */
    public Map<String, CheckResult> results(long serviceId, Instant now) {
        Map<String, Fact> current = facts.current(serviceId, now);
        Map<String, Exemption> exempt = new LinkedHashMap<>();
        for (Exemption e : exemptions.forService(serviceId)) {
            if (e.active(now)) {
                exempt.put(e.checkId(), e);
            }
        }
        Map<String, CheckResult> out = new LinkedHashMap<>();
        for (CheckInfo info : checks.all()) {
            out.put(info.id(), CheckEvaluator.evaluate(info.id(), current.get(info.id()), exempt.get(info.id())));
        }
        for (Fact f : current.values()) {
            String id = ReadinessChecks.PUSHED_PREFIX + f.key();
            if (!out.containsKey(f.key()) && f.outcome() != null && checks.exists(id)) {
                out.put(id, CheckEvaluator.evaluate(id, f, exempt.get(id)));
            }
        }
        return out;
    }

    public List<ItemStatus> items(Checklist checklist, ReadinessLevel level, Map<String, ReviewItem> answers,
                                  Map<String, CheckResult> results, Instant now) {
        List<ItemStatus> out = new ArrayList<>(checklist.items().size());
        for (ChecklistItem item : checklist.items()) {
            out.add(item(item, level, answers.getOrDefault(item.id(), ReviewItem.open(item.id())), results, now));
        }
        return out;
    }

    ItemStatus item(ChecklistItem item, ReadinessLevel level, ReviewItem answer, Map<String, CheckResult> results,
                    Instant now) {
        Requirement requirement = item.requirement(level);
        List<CheckResult> bound = new ArrayList<>();
        for (String id : item.checks()) {
            bound.add(results.getOrDefault(id, CheckResult.noData(id)));
        }
        if (answer.state() != ItemState.NOT_APPLICABLE && !bound.isEmpty()) {
            boolean allAnswered = bound.stream().noneMatch(r -> r.status() == CheckStatus.NO_DATA);
            boolean anyApplies = bound.stream().anyMatch(r -> r.status() != CheckStatus.NOT_APPLICABLE);
            if (allAnswered && anyApplies) {
                boolean failing = bound.stream().anyMatch(r -> r.status() == CheckStatus.FAIL);
                return new ItemStatus(item, requirement, failing ? ItemState.FAILED : ItemState.MET, true, answer,
                        bound, false, null);
            }
        }
        Instant dueAt = answer.attestedAt() == null || !answer.state().done() ? null : answer.attestedAt().plus(attestationLife);
        boolean due = dueAt != null && !dueAt.isAfter(now);
        return new ItemStatus(item, requirement, answer.state(), false, answer, bound, due, dueAt);
    }

    public static List<String> blockers(List<ItemStatus> items) {
        List<String> out = new ArrayList<>();
        for (ItemStatus s : items) {
            if (s.blocking()) {
                String why = s.due() ? "is due for a re-check" : s.state() == ItemState.FAILED
                        ? (s.automatic() ? "fails its automatic checks" : "is marked failed") : "is still open";
                out.add("required item '" + s.item().id() + "' (" + s.item().title() + ") " + why);
            }
        }
        return out;
    }

    @Override
    public List<String> blockers(Service service, Review review, Map<String, ReviewItem> answers) {
        Instant now = Instant.now();
        Checklist checklist = checklists.get(review.checklistName(), review.checklistVersion());
        return blockers(items(checklist, service.readinessLevel(), answers, results(service.id(), now), now));
    }
}
