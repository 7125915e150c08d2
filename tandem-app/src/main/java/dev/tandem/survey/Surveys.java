package dev.tandem.survey;

import dev.tandem.audit.AuditLog;
import dev.tandem.catalog.Membership;
import dev.tandem.catalog.People;
import dev.tandem.catalog.Person;
import dev.tandem.catalog.Teams;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementAccess;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.shared.Actor;
import dev.tandem.shared.ConflictException;
import dev.tandem.shared.FieldProblem;
import dev.tandem.shared.InvalidInputException;
import dev.tandem.shared.NotFoundException;
import dev.tandem.survey.internal.SurveyMail;
import dev.tandem.survey.internal.SurveyRows;
import dev.tandem.survey.internal.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tandem.survey.internal.SurveyRows.ts;

/**
 * Survey rounds: sending one to an engagement's team (each member gets a personal link with a random
 * token, of which only a hash is kept), renewing links, and the
 * automatic rounds (monthly while an engagement runs, and at its exit). Admins and the engagement's
 * embedded SREs send; everyone signed in may read the rounds.
 */
@Component
public class Surveys {

    static final String TYPE = "survey";
    private static final Logger log = LoggerFactory.getLogger(Surveys.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final Engagements engagements;
    private final EngagementAccess access;
    private final Teams teams;
    private final People people;
    private final SurveyTemplates templates;
    private final AuditLog audit;
    private final Duration validity;
    private final Duration monthlyEvery;
    private final TransactionTemplate tx;
    private final SurveyMail mail;

    Surveys(JdbcClient jdbc, Engagements engagements, EngagementAccess access, Teams teams, People people,
            SurveyTemplates templates, AuditLog audit, PlatformTransactionManager transactions, SurveyMail mail,
            @Value("${tandem.surveys.link-validity:P14D}") Duration validity,
            @Value("${tandem.surveys.monthly.every:P30D}") Duration monthlyEvery) {
        this.jdbc = jdbc;
        this.engagements = engagements;
        this.access = access;
        this.teams = teams;
        this.people = people;
        this.templates = templates;
        this.audit = audit;
        this.validity = validity;
        this.monthlyEvery = monthlyEvery;
        this.tx = new TransactionTemplate(transactions);
        this.mail = mail;
    }

    /** Whether links are also e-mailed (a mail server is configured). */
    public boolean emailsLinks() {
        return mail.enabled();
    }

    public Optional<Survey> find(long id) {
        return SurveyRows.load(jdbc, SurveyRows.SELECT + " where s.id = ?", List.of(id)).stream().findFirst();
    }

    public Survey get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException(TYPE, String.valueOf(id)));
    }

    /** The rounds of one engagement, newest first. */
    public List<Survey> rounds(long engagementId) {
        engagements.get(engagementId);
        return SurveyRows.load(jdbc, SurveyRows.SELECT + " where s.engagement_id = ? order by s.sent_at desc, s.id desc",
                List.of(engagementId));
    }

    /** Whether the current user may send surveys for the engagement (admins and its embedded SREs). */
    public boolean canSend(Engagement e) {
        return access.canDrive(e);
    }

    /** Sends a round to the engagement's team; the links in the answer are the only copy of the tokens. */
    @Transactional
    public SentSurvey send(long engagementId, SendRequest request) {
        Engagement e = engagements.get(engagementId);
        if (!canSend(e)) {
            throw new org.springframework.security.access.AccessDeniedException("only the embedded SREs and SRE managers "
                    + "(admins) may send surveys for this engagement");
        }
        List<FieldProblem> problems = new ArrayList<>();
        SurveyTemplate template = null;
        if (request.templateId() == null) {
            template = templates.shipped().orElse(null);
            if (template == null) {
                problems.add(new FieldProblem("templateId", "choose a template"));
            }
        } else {
            template = templates.find(request.templateId()).orElse(null);
            if (template == null) {
                problems.add(new FieldProblem("templateId", "no template with id " + request.templateId()));
            }
        }
        Milestone milestone = null;
        try {
            milestone = Milestone.parse(request.milestone() == null || request.milestone().isBlank() ? "custom" : request.milestone());
        } catch (InvalidInputException ex) {
            problems.addAll(ex.problems());
        }
        String label = request.label() == null ? "" : request.label().trim();
        if (label.length() > 200) {
            problems.add(new FieldProblem("label", "at most 200 characters"));
        } else if (label.isEmpty() && milestone == Milestone.CUSTOM) {
            problems.add(new FieldProblem("label", "name the milestone (e.g. 'After the game day')"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (e.state().terminal() && milestone != Milestone.EXIT) {
            throw new ConflictException("the engagement is " + e.state().label() + "; only an exit survey can still be sent");
        }
        Instant now = Instant.now();
        return create(e, template, milestone, label.isEmpty() ? defaultLabel(milestone, now) : label, now);
    }

    /**
     * Gives everyone who has not answered a new link (the old one stops working), valid for the configured
     * time from now: for rounds sent automatically, whose links nobody has seen, or for lost links. In an
     * anonymous survey everyone gets a new link, so the sender does not learn who has answered (a used
     * invitation's new link only says it was used).
     */
    @Transactional
    public SentSurvey renewLinks(long surveyId) {
        Survey survey = get(surveyId);
        Engagement e = engagements.get(survey.engagementId());
        if (!canSend(e)) {
            throw new org.springframework.security.access.AccessDeniedException("only the embedded SREs and SRE managers "
                    + "(admins) may hand out the links of this survey");
        }
        record Open(long id, String person, String displayName, String email) {
        }
        List<Open> open = jdbc.sql("select id, person, display_name, email from survey_invitations where survey_id = ? "
                        + (survey.anonymous() ? "" : "and used = false ") + "order by person")
                .params(surveyId)
                .query((rs, n) -> new Open(rs.getLong("id"), rs.getString("person"), rs.getString("display_name"),
                        rs.getString("email"))).list();
        Instant expires = Instant.now().plus(validity);
        List<SurveyLink> links = new ArrayList<>();
        for (Open o : open) {
            String token = Tokens.generate();
            jdbc.sql("update survey_invitations set token_hash = ?, expires_at = ? where id = ?")
                    .params(Tokens.hash(token), ts(expires), o.id).update();
            links.add(new SurveyLink(o.person, o.displayName, o.email, token, "/s/" + token, expires));
        }
        if (expires.isAfter(survey.expiresAt()) && !open.isEmpty()) {
            jdbc.sql("update surveys set expires_at = ? where id = ?").params(ts(expires), surveyId).update();
        }
        audit.record("renew-links", TYPE, label(e, survey), links.size() + " new links for "
                        + (survey.anonymous() ? "everyone invited (anonymous survey)" : "those who have not answered"),
                null, Map.of("survey", surveyId, "people", links.stream().map(SurveyLink::person).toList()));
        mailAfterCommit(e, survey.label(), survey.anonymous(), links);
        return new SentSurvey(get(surveyId), links);
    }

    /**
     * The automatic round of a milestone, with the shipped template, sent as Tandem itself. Nothing is sent
     * when the team has no members; the links are handed out later with {@link #renewLinks(long)}.
     */
    @Transactional
    public Optional<Survey> sendAutomatic(long engagementId, Milestone milestone, Instant now) {
        return Actor.runAs(Actor.system(), () -> {
            Engagement e = engagements.get(engagementId);
            if (milestone == Milestone.EXIT && jdbc.sql("select count(*) from surveys where engagement_id = ? and milestone = ?")
                    .params(engagementId, Milestone.EXIT.name()).query(Long.class).single() > 0) {
                return Optional.<Survey>empty();
            }
            Optional<SurveyTemplate> template = templates.shipped();
            if (template.isEmpty() || teams.find(e.team()).map(t -> t.members().isEmpty()).orElse(true)) {
                log.info("no {} survey for engagement #{}: {}", milestone.label(), engagementId,
                        template.isEmpty() ? "no shipped template" : "team '" + e.team() + "' has no members");
                return Optional.<Survey>empty();
            }
            return Optional.of(create(e, template.get(), milestone, defaultLabel(milestone, now), now).survey());
        });
    }

    /**
     * Sends the monthly round to every running engagement whose last round (or whose start, before the
     * first round) is at least the configured interval before {@code now}. Returns the rounds sent.
     */
    public List<Survey> sendDueMonthly(Instant now) {
        List<Survey> sent = new ArrayList<>();
        Instant due = now.minus(monthlyEvery);
        List<Engagement> running = Actor.runAs(Actor.system(), () -> engagements.inStates(EnumSet.of(
                EngagementState.LEARNING, EngagementState.SHARING_CONTEXT, EngagementState.DRIVING_CHANGE)));
        for (Engagement e : running) {
            Instant last = jdbc.sql("select max(sent_at) from surveys where engagement_id = ?").param(e.id())
                    .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
            Instant since = last != null ? last : e.startedAt();
            if (since == null || since.isAfter(due)) {
                continue;
            }
            try {
                tx.execute(status -> sendAutomatic(e.id(), Milestone.MONTHLY, now)).ifPresent(sent::add);
            } catch (RuntimeException ex) {
                log.warn("the monthly survey for engagement #{} failed: {}", e.id(), ex.toString());
            }
        }
        return sent;
    }

    /** {@code now} is when the round counts as sent (the scheduler's clock, so tests need not wait a month). */
    private SentSurvey create(Engagement e, SurveyTemplate template, Milestone milestone, String label, Instant now) {
        List<Membership> members = teams.get(e.team()).members();
        if (members.isEmpty()) {
            throw new ConflictException("team '" + e.team() + "' has no members to survey; add them in the catalog first");
        }
        Instant expires = now.plus(validity);
        String actor = Actor.current().username();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into surveys (engagement_id, template_id, template_name, template_version, anonymous, milestone, "
                        + "label, sent_by, sent_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), template.id(), template.name(), template.version(), template.anonymous(), milestone.name(),
                        label, actor, ts(now), ts(expires))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (Question q : template.questions()) {
            jdbc.sql("insert into survey_questions (survey_id, position, kind, text) values (?, ?, ?, ?)")
                    .params(id, q.position(), q.kind().name(), q.text()).update();
        }
        List<SurveyLink> links = new ArrayList<>();
        for (Membership m : members) {
            String email = people.find(m.person()).map(Person::email).orElse(null);
            String token = Tokens.generate();
            jdbc.sql("insert into survey_invitations (survey_id, person, display_name, email, token_hash, expires_at, used) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, m.person(), m.displayName(), email, Tokens.hash(token), ts(expires), false).update();
            links.add(new SurveyLink(m.person(), m.displayName(), email, token, "/s/" + token, expires));
        }
        Survey survey = get(id);
        audit.record("send", TYPE, label(e, survey), milestone.label() + " survey '" + template.name() + "' v"
                + template.version() + " to " + links.size() + " members of team '" + e.team() + "'", null,
                Map.of("survey", id, "engagement", e.id(), "template", template.id(), "templateVersion", template.version(),
                        "milestone", milestone.name(), "label", label,
                        "people", links.stream().map(SurveyLink::person).toList(), "expiresAt", expires.toString()));
        mailAfterCommit(e, label, template.anonymous(), links);
        return new SentSurvey(survey, links);
    }

    /** Links are e-mailed only once the round is stored: a rolled-back round sends nothing. */
    private void mailAfterCommit(Engagement e, String label, boolean anonymous, List<SurveyLink> links) {
        if (!mail.enabled() || links.isEmpty()) {
            return;
        }
        String base = mail.baseUrl();
        Runnable deliver = () -> mail.deliver(e.title(), e.team(), label, anonymous, base, links);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        deliver.run();
                    } catch (RuntimeException ex) {
                        log.warn("survey links for engagement #{} were not e-mailed: {}", e.id(), ex.toString());
                    }
                }
            });
        } else {
            deliver.run();
        }
    }

    static String defaultLabel(Milestone milestone, Instant at) {
        return switch (milestone) {
            case MONTHLY -> "Monthly, " + MONTH.format(at);
            case EXIT -> "Exit";
            case CUSTOM -> "Survey of " + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at);
        };
    }

    static String label(Engagement e, Survey s) {
        return "#" + e.id() + " " + e.title() + ": " + s.label();
    }
}
