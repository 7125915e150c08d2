package dev.tandem.readiness;

import dev.tandem.accounts.AccessPolicy;
import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.Service;
import dev.tandem.catalog.Services;
import dev.tandem.readiness.internal.ReviewRows;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.shared.StaleVersionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readiness reviews and their workflow. Owners (the team, SREs, admins) answer items and submit; SREs and
 * admins review, and nobody approves a review they submitted themselves. Every step is in the review's
 * history and the audit log.
 */
@Component
public class Reviews {

    private static final String TYPE = "readiness-review";
    static final int MAX_TEXT = 4000;
    static final int MAX_LINKS = 20;

    private final JdbcClient jdbc;
    private final Services services;
    private final Checklists checklists;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ApprovalBlockers blockers;

    Reviews(JdbcClient jdbc, Services services, Checklists checklists, AccessPolicy policy, AuditLog audit,
            ApplicationEventPublisher events, ApprovalBlockers blockers) {
        this.jdbc = jdbc;
        this.services = services;
        this.checklists = checklists;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.blockers = blockers;
    }

    /** What stands between a review and its approval; implemented by the readiness report. */
    public interface ApprovalBlockers {
        List<String> blockers(Service service, Review review, Map<String, ReviewItem> items);
    }

    public Optional<Review> current(String serviceName) {
        return jdbc.sql(ReviewRows.SELECT + " where s.name = ? order by r.id desc limit 1").param(serviceName)
                .query(ReviewRows.REVIEW).optional();
    }

    public Optional<Review> lastApproved(String serviceName) {
        return jdbc.sql(ReviewRows.SELECT + " where s.name = ? and r.state = 'APPROVED' order by r.id desc limit 1")
                .param(serviceName).query(ReviewRows.REVIEW).optional();
    }

    public List<Review> all(String serviceName) {
        return jdbc.sql(ReviewRows.SELECT + " where s.name = ? order by r.id desc").param(serviceName)
                .query(ReviewRows.REVIEW).list();
    }

    public Map<String, ReviewItem> items(long reviewId) {
        Map<String, ReviewItem> out = new LinkedHashMap<>();
        jdbc.sql("select * from review_items where review_id = ?").param(reviewId).query(ReviewRows.ITEM).list()
                .forEach(i -> out.put(i.itemId(), i));
        return out;
    }

    public List<ReviewEvent> history(long reviewId) {
        return jdbc.sql("select * from review_events where review_id = ? order by id desc").param(reviewId)
                .query(ReviewRows.EVENT).list();
    }

    /**
     * Starts a review on the newest version of a checklist. A service has one open review at a time; after
     * an approval a new review starts from the approved answers, so only what changed needs attention.
     */
    @Transactional
    public Review start(String serviceName, String checklistName) {
        Service service = services.get(serviceName);
        policy.requireChangeTeam(service.owner());
        String name = checklistName == null || checklistName.isBlank() ? Checklists.DEFAULT : checklistName;
        Checklist checklist = checklists.latest(name).orElseThrow(() -> new NotFoundException("checklist", name));
        Optional<Review> current = current(serviceName);
        if (current.isPresent() && current.get().state() != ReviewState.APPROVED) {
            throw new ConflictException("service '" + serviceName + "' already has a review that is "
                    + current.get().state().label() + "; finish or withdraw it first");
        }
        Instant now = Instant.now();
        String actor = Actor.current().username();
        jdbc.sql("""
                insert into readiness_reviews (service_id, checklist_name, checklist_version, state, created_by, created_at,
                  updated_at, version) values (?, ?, ?, 'DRAFT', ?, ?, ?, 0)""")
                .params(service.id(), checklist.name(), checklist.version(), actor, ts(now), ts(now)).update();
        Review review = current(serviceName).orElseThrow();
        if (current.isPresent()) {
            carryOver(current.get(), review, checklist);
        }
        event(review.id(), "started", null, null, ReviewState.DRAFT.name(),
                "checklist " + checklist.name() + " version " + checklist.version());
        audit.record("start", TYPE, serviceName, null, review);
        return review;
    }

    /** Copies the answers of the approved review for items the new checklist version still has. */
    private void carryOver(Review from, Review to, Checklist checklist) {
        for (ReviewItem item : items(from.id()).values()) {
            if (checklist.item(item.itemId()).isPresent() && item.state() != ItemState.OPEN) {
                insertItem(to.id(), new ReviewItem(item.itemId(), item.state(), item.evidence(), item.links(),
                        item.justification(), item.attestedBy(), item.attestedAt(), 0));
            }
        }
    }

    @Transactional
    public ReviewItem updateItem(String serviceName, String itemId, ItemUpdate update) {
        Service service = services.get(serviceName);
        policy.requireChangeTeam(service.owner());
        Review review = current(serviceName).orElseThrow(() -> new NotFoundException(TYPE, serviceName));
        if (!review.state().editable()) {
            throw new ConflictException("the review is " + review.state().label() + "; "
                    + (review.state() == ReviewState.IN_REVIEW ? "withdraw it to change answers"
                    : "start a new review to change answers"));
        }
        Checklist checklist = checklists.get(review.checklistName(), review.checklistVersion());
        if (checklist.item(itemId).isEmpty()) {
            throw new NotFoundException("checklist item", itemId);
        }
        ReviewItem before = items(review.id()).getOrDefault(itemId, ReviewItem.open(itemId));
        if (update.version() == null) {
            throw new InvalidInputException("version", "send the item's version you edited (0 for an unanswered item)");
        }
        if (update.version() != before.version()) {
            throw new StaleVersionException("checklist item", itemId, update.version(), before.version(), false);
        }
        ItemState state = parseState(update.state());
        List<String> links = validLinks(update.links());
        String evidence = trim(update.evidence());
        String justification = trim(update.justification());
        List<FieldProblem> problems = new ArrayList<>();
        if (state == ItemState.MET && evidence == null && links.isEmpty()) {
            problems.add(new FieldProblem("evidence", "a met item needs evidence: a link or a few words"));
        }
        if (state == ItemState.NOT_APPLICABLE && justification == null) {
            problems.add(new FieldProblem("justification", "say why the item does not apply to this service"));
        }
        length(problems, "evidence", evidence);
        length(problems, "justification", justification);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = Instant.now();
        boolean answered = state != ItemState.OPEN;
        ReviewItem after = new ReviewItem(itemId, state, evidence, links,
                state == ItemState.NOT_APPLICABLE ? justification : null,
                answered ? Actor.current().username() : null, answered ? now : null, before.version() + 1);
        if (before.version() == 0 && !exists(review.id(), itemId)) {
            insertItem(review.id(), after);
        } else {
            int changed = jdbc.sql("""
                    update review_items set state = ?, evidence = ?, links = ?, justification = ?, attested_by = ?,
                      attested_at = ?, version = version + 1 where review_id = ? and item_id = ? and version = ?""")
                    .params(after.state().name(), after.evidence(), ReviewRows.linksJson(after.links()),
                            after.justification(), after.attestedBy(), after.attestedAt() == null ? null : ts(now),
                            review.id(), itemId, before.version())
                    .update();
            if (changed == 0) {
                throw new StaleVersionException("checklist item", itemId, before.version(), before.version() + 1, false);
            }
        }
        touch(review.id());
        event(review.id(), "item", itemId, before.state().name(), state.name(),
                state == ItemState.NOT_APPLICABLE ? justification : evidence);
        audit.record("answer", TYPE, serviceName + "/" + itemId, before, after);
        events.publishEvent(new ReviewChanged(serviceName, review.id(), review.state()));
        return after;
    }

    private boolean exists(long reviewId, String itemId) {
        return jdbc.sql("select count(*) from review_items where review_id = ? and item_id = ?").params(reviewId, itemId)
                .query(Integer.class).single() > 0;
    }

    private void insertItem(long reviewId, ReviewItem item) {
        jdbc.sql("""
                insert into review_items (review_id, item_id, state, evidence, links, justification, attested_by,
                  attested_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reviewId, item.itemId(), item.state().name(), item.evidence(), ReviewRows.linksJson(item.links()),
                        item.justification(), item.attestedBy(), item.attestedAt() == null ? null : ts(item.attestedAt()),
                        Math.max(1, item.version()))
                .update();
    }

    @Transactional
    public Review submit(String serviceName, String comment, int version) {
        Service service = services.get(serviceName);
        policy.requireChangeTeam(service.owner());
        Review review = expected(serviceName, version);
        return transition(service, review, review.state().submit(), comment, "submit");
    }

    @Transactional
    public Review withdraw(String serviceName, String comment, int version) {
        Service service = services.get(serviceName);
        policy.requireChangeTeam(service.owner());
        Review review = expected(serviceName, version);
        return transition(service, review, review.state().withdraw(), comment, "withdraw");
    }

    @Transactional
    public Review approve(String serviceName, String comment, int version) {
        Service service = services.get(serviceName);
        Review review = expected(serviceName, version);
        requireReviewer(review);
        ReviewState next = review.state().approve();
        List<String> open = blockers.blockers(service, review, items(review.id()));
        if (!open.isEmpty()) {
            throw new ConflictException("the review cannot be approved yet: " + String.join("; ",
                    open.stream().limit(10).toList()) + (open.size() > 10 ? "; and " + (open.size() - 10) + " more" : ""));
        }
        return transition(service, review, next, comment, "approve");
    }

    @Transactional
    public Review requestChanges(String serviceName, String comment, int version) {
        Service service = services.get(serviceName);
        Review review = expected(serviceName, version);
        requireReviewer(review);
        if (trim(comment) == null) {
            throw new InvalidInputException("comment", "say what needs to change");
        }
        return transition(service, review, review.state().requestChanges(), comment, "request-changes");
    }

    @Transactional
    public ReviewEvent comment(String serviceName, String text) {
        Service service = services.get(serviceName);
        if (!policy.canChangeTeam(service.owner())) {
            policy.requireCurator();
        }
        String comment = trim(text);
        if (comment == null) {
            throw new InvalidInputException("comment", "write a comment");
        }
        if (comment.length() > MAX_TEXT) {
            throw new InvalidInputException("comment", "at most " + MAX_TEXT + " characters");
        }
        Review review = current(serviceName).orElseThrow(() -> new NotFoundException(TYPE, serviceName));
        event(review.id(), "comment", null, null, null, comment);
        return history(review.id()).get(0);
    }

    private void requireReviewer(Review review) {
        Actor actor = Actor.current();
        if (!actor.role().changesAnyTeam()) {
            throw new AccessDeniedException("only SREs and admins review readiness (you are " + actor.username() + ")");
        }
        if (actor.username().equals(review.submittedBy())) {
            throw new AccessDeniedException("you submitted this review; another reviewer must decide on it");
        }
    }

    private Review expected(String serviceName, int version) {
        Review review = current(serviceName).orElseThrow(() -> new NotFoundException(TYPE, serviceName));
        if (review.version() != version) {
            throw new StaleVersionException(TYPE, serviceName, version, review.version(), false);
        }
        return review;
    }

    private Review transition(Service service, Review review, ReviewState next, String comment, String action) {
        String text = trim(comment);
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("comment", "at most " + MAX_TEXT + " characters");
        }
        Instant now = Instant.now();
        String actor = Actor.current().username();
        boolean submitting = next == ReviewState.IN_REVIEW;
        boolean deciding = next == ReviewState.APPROVED || next == ReviewState.CHANGES_REQUESTED;
        int changed = jdbc.sql("""
                update readiness_reviews set state = ?,
                  submitted_by = case when ? then ? else submitted_by end,
                  submitted_at = case when ? then ? else submitted_at end,
                  reviewer = case when ? then ? else reviewer end,
                  decided_at = case when ? then ? else decided_at end,
                  decision_comment = case when ? then ? else decision_comment end,
                  approved_level = case when ? then ? else approved_level end,
                  updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(next.name(), submitting, actor, submitting, ts(now), deciding, actor, deciding, ts(now),
                        deciding, text, next == ReviewState.APPROVED, service.readinessLevel().name(), ts(now),
                        review.id(), review.version())
                .update();
        if (changed == 0) {
            throw new StaleVersionException(TYPE, service.name(), review.version(), review.version() + 1, false);
        }
        event(review.id(), "state", null, review.state().name(), next.name(), text);
        Review after = current(service.name()).orElseThrow();
        audit.record(action, TYPE, service.name(), text, review, after);
        events.publishEvent(new ReviewChanged(service.name(), review.id(), next));
        return after;
    }

    private void touch(long reviewId) {
        jdbc.sql("update readiness_reviews set updated_at = ? where id = ?").params(ts(Instant.now()), reviewId).update();
    }

    private void event(long reviewId, String kind, String itemId, String from, String to, String comment) {
        jdbc.sql("""
                insert into review_events (review_id, occurred_at, actor, kind, item_id, from_state, to_state, comment)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reviewId, ts(Instant.now()), Actor.current().username(), kind, itemId, from, to,
                        comment == null ? null : comment.length() > MAX_TEXT ? comment.substring(0, MAX_TEXT) : comment)
                .update();
    }

    private static ItemState parseState(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("state", "expected open, met, not-applicable or failed");
        }
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return ItemState.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "expected open, met, not-applicable or failed");
        }
    }

    private static List<String> validLinks(List<String> links) {
        if (links == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        if (links.size() > MAX_LINKS) {
            throw new InvalidInputException("links", "at most " + MAX_LINKS + " links");
        }
        for (int i = 0; i < links.size(); i++) {
            String l = trim(links.get(i));
            if (l == null) {
                continue;
            }
            if (!isWebLink(l)) {
                problems.add(new FieldProblem("links[" + i + "]", "expected an http or https address"));
            } else {
                out.add(l);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    static boolean isWebLink(String text) {
        try {
            URI uri = URI.create(text);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && text.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void length(List<FieldProblem> problems, String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "at most " + MAX_TEXT + " characters"));
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
