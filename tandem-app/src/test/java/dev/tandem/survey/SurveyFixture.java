package dev.tandem.survey;

import dev.tandem.engagement.CharterDraft;
import dev.tandem.engagement.Charters;
import dev.tandem.engagement.Engagement;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.engagement.Plan;
import dev.tandem.engagement.Proposal;
import dev.tandem.shared.Actor;
import dev.tandem.shared.Role;
import dev.tandem.support.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team of three members (one of them a user), an embedded SRE, an SRE who is not embedded, a viewer, and
 * an engagement of the team with the SRE planned. Names carry a run id: integration tests share a context.
 */
final class SurveyFixture {

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final String team = "sv-" + run;
    final Api admin;
    final Api sre;
    final Api otherSre;
    final Api member;
    final Api viewer;
    final Api anonymous;
    final List<String> members;
    final long engagement;
    private final Engagements engagements;

    SurveyFixture(int port, Engagements engagements, Charters charters) {
        this.engagements = engagements;
        admin = Api.at(port).admin();
        anonymous = Api.at(port);
        status(admin.post("/api/v1/teams", Api.json(Map.of("name", team))), 201);
        member = user(port, "member", "MEMBER", "ENGINEER");
        sre = user(port, "sre", "SRE", "SRE");
        otherSre = user(port, "sre2", "SRE", "SRE");
        viewer = user(port, "viewer", "VIEWER", "ENGINEER");
        person("dana");
        person("eli");
        members = List.of(name("member"), name("dana"), name("eli"));
        for (String m : members) {
            status(admin.put("/api/v1/teams/" + team + "/members/" + m, "{}"), 200);
        }
        engagement = asAdmin(() -> {
            Engagement e = engagements.propose(new Proposal(team, "Survey engagement " + run, List.of(), "pages at night",
                    null, null, null, null, null, null, null, null, null, null));
            e = engagements.plan(e.id(), new Plan(null, null, List.of(new Plan.Assignment(name("sre"), 50)), e.version()));
            charters.save(e.id(), new CharterDraft(null, "Fewer pages", null, null, List.of(), List.of(), null, null,
                    List.of(), null, List.of(Map.of("kind", "manual", "title", "Runbooks reviewed")), 0));
            return e.id();
        }).longValue();
    }

    String name(String part) {
        return part + "-" + run;
    }

    Engagement moveTo(EngagementState target) {
        return asAdmin(() -> {
            Engagement e = engagements.get(engagement);
            while (e.state() != target) {
                EngagementState next = EngagementState.mainLine().get(e.state().step() + 1);
                e = engagements.move(engagement, next, "moving on", e.version());
            }
            return e;
        });
    }

    static <T> T asAdmin(java.util.function.Supplier<T> work) {
        return Actor.runAs(new Actor("admin", Role.ADMIN), work);
    }

    private Api user(int port, String part, String role, String personRole) {
        String username = name(part);
        status(admin.post("/api/v1/users", Api.json(Map.of("username", username, "role", role,
                "password", "password-of-" + username))), 201);
        status(admin.post("/api/v1/people", Api.json(Map.of("name", username, "role", personRole,
                "email", username + "@example.com"))), 201);
        return Api.at(port).bearer(admin.tokenFor(username));
    }

    private void person(String part) {
        status(admin.post("/api/v1/people", Api.json(Map.of("name", name(part), "role", "ENGINEER",
                "email", name(part) + "@example.com"))), 201);
    }

    /** A template of four rating questions and one text question. */
    long template(boolean anonymousTemplate) {
        Api.Response r = status(admin.post("/api/v1/survey-templates", Api.json(Map.of("name", "Template " + run
                        + (anonymousTemplate ? " anon" : " named"), "anonymous", anonymousTemplate,
                "questions", List.of(q("rating", "Q1 helped"), q("rating", "Q2 understood"), q("rating", "Q3 time well spent"),
                        q("rating", "Q4 can keep it up"), q("text", "Q5 anything else?"))))), 201);
        return r.json().get("id").asLong();
    }

    static Map<String, String> q(String kind, String text) {
        return Map.of("kind", kind, "text", text);
    }

    /** Sends a round as admin; returns the answer (survey and links). */
    Api.Response send(Api as, Long template, String milestone, String label) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (template != null) {
            body.put("templateId", template);
        }
        body.put("milestone", milestone);
        body.put("label", label);
        return as.post("/api/v1/engagements/" + engagement + "/surveys", Api.json(body));
    }

    static String token(Api.Response sent, int i) {
        return sent.json().get("links").get(i).get("token").asString();
    }

    static Api.Response status(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r;
    }
}
