package dev.tandem.survey;

import dev.tandem.engagement.Charters;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.survey.internal.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.tandem.survey.SurveyFixture.status;
import static dev.tandem.survey.SurveyFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@IntegrationTest
class SurveysIT {

    @LocalServerPort
    int port;
    @Autowired
    Engagements engagements;
    @Autowired
    Charters charters;
    @Autowired
    Surveys surveys;
    @Autowired
    SurveyResults results;
    @Autowired
    JdbcClient jdbc;

    SurveyFixture f;

    @BeforeEach
    void setUp() {
        f = new SurveyFixture(port, engagements, charters);
    }

    private static String answers(String... values) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                m.put(String.valueOf(i + 1), values[i]);
            }
        }
        return Api.json(Map.of("answers", m));
    }

    @Test
    void sendAnswerByTokenAndReadTheResults() {
        long template = f.template(true);
        Api.Response sent = status(f.send(f.admin, template, "custom", "After the game day"), 201);
        JsonNode survey = sent.json().get("survey");
        long id = survey.get("id").asLong();
        assertThat(survey.get("invitations").asInt()).isEqualTo(3);
        assertThat(survey.get("anonymous").asBoolean()).isTrue();
        JsonNode links = sent.json().get("links");
        assertThat(links).hasSize(3);
        assertThat(links.get(0).get("path").asString()).startsWith("http://").contains("/s/" + token(sent, 0));
        assertThat(links.findValuesAsString("email")).allMatch(e -> e.endsWith("@example.com"));

        // Only a hash of each token is stored.
        String first = token(sent, 0);
        assertThat(jdbc.sql("select count(*) from survey_invitations where token_hash = ?").param(first)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from survey_invitations where token_hash = ?").param(Tokens.hash(first))
                .query(Long.class).single()).isEqualTo(1);

        // Signed out: the questions behind the link.
        Api.Response open = status(f.anonymous.get("/api/v1/survey-responses/" + first), 200);
        assertThat(open.json().get("questions")).hasSize(5);
        assertThat(open.json().get("respondent")).as("anonymous survey: no name shown").isNull();

        // 5,5,5,5 and 5,4,4,4: 37 / 8 = 4.625, shown as 4.63.
        status(f.anonymous.post("/api/v1/survey-responses/" + first, answers("5", "5", "5", "5", "Pairing on alerts")), 201);
        status(f.anonymous.post("/api/v1/survey-responses/" + token(sent, 1), answers("5", "4", "4", "4")), 201);

        JsonNode round = status(f.admin.get("/api/v1/surveys/" + id + "/results"), 200).json();
        assertThat(round.get("survey").get("responses").asInt()).isEqualTo(2);
        assertThat(round.get("overall").get("mean").asDouble()).isCloseTo(4.625, within(1e-9));
        JsonNode q1 = round.get("questions").get(0);
        assertThat(q1.get("ratings").get("mean").asDouble()).isEqualTo(5.0);
        assertThat(q1.get("ratings").get("distribution").toString()).isEqualTo("[0,0,0,0,2]");
        JsonNode q2 = round.get("questions").get(1);
        assertThat(q2.get("ratings").get("mean").asDouble()).isEqualTo(4.5);
        assertThat(q2.get("ratings").get("distribution").toString()).isEqualTo("[0,0,0,1,1]");
        assertThat(q2.get("ratings").get("count").asInt()).isEqualTo(2);
        JsonNode text = round.get("questions").get(4);
        assertThat(text.get("texts")).hasSize(1);
        assertThat(text.get("texts").get(0).get("text").asString()).isEqualTo("Pairing on alerts");
        assertThat(text.get("texts").get(0).get("respondent")).isNull();

        JsonNode mine = status(f.admin.get("/api/v1/engagements/" + f.engagement + "/survey-results"), 200).json();
        assertThat(mine.get("responses").asInt()).isEqualTo(2);
        assertThat(mine.get("invitations").asInt()).isEqualTo(3);
        assertThat(mine.get("rounds")).hasSize(1);
        assertThat(mine.get("responseRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(mine.get("overall").get("meanText").asString()).isEqualTo("4.63");
        assertThat(results.engagementAverage(f.engagement)).isCloseTo(4.625, within(1e-9));
        assertThat(RatingStats.format(results.engagementAverage(f.engagement))).isEqualTo("4.63");
        assertThat(dev.tandem.shared.Actor.runAs(dev.tandem.shared.Actor.system(), () -> results.forEngagement(f.engagement)).responseRate()).isCloseTo(2.0 / 3, within(1e-9));

        // Program-wide: the SQL average and the aggregate over all answers agree; this quarter is in the trend.
        ProgramResults program = dev.tandem.shared.Actor.runAs(dev.tandem.shared.Actor.system(), results::program);
        assertThat(program.overall().count()).isGreaterThanOrEqualTo(8);
        assertThat(results.programAverage()).isCloseTo(program.overall().mean(), within(1e-9));
        assertThat(program.averageText()).matches("\\d\\.\\d\\d");
        String quarter = dev.tandem.survey.internal.Aggregation.quarter(Instant.now());
        assertThat(results.quarterlyTrend()).extracting(QuarterPoint::quarter).contains(quarter);
        JsonNode api = status(f.viewer.get("/api/v1/survey-results"), 200).json();
        assertThat(api.get("averageText").asString()).isEqualTo(program.averageText());

        // Anonymous: the responses name no one, and the audit log does not either.
        assertThat(jdbc.sql("select count(*) from survey_responses where survey_id = ? and respondent is not null")
                .param(id).query(Long.class).single()).isZero();
        List<String> actors = jdbc.sql("select actor from audit_log where action = 'answer' and entity_name like ?")
                .param("%" + f.run + "%").query(String.class).list();
        assertThat(actors).hasSize(2).allMatch(a -> a.equals("anonymous respondent"));
        assertThat(jdbc.sql("select count(*) from survey_invitations where survey_id = ? and used = ?")
                .params(id, true).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aLinkTakesOneResponse() {
        Api.Response sent = status(f.send(f.admin, f.template(true), "monthly", null), 201);
        String token = token(sent, 0);
        status(f.anonymous.post("/api/v1/survey-responses/" + token, answers("3", "3", "3", "3")), 201);

        Api.Response again = status(f.anonymous.post("/api/v1/survey-responses/" + token, answers("1", "1", "1", "1")), 409);
        assertThat(again.json().get("detail").asString()).contains("already been answered");
        status(f.anonymous.get("/api/v1/survey-responses/" + token), 409);
        long id = sent.json().get("survey").get("id").asLong();
        assertThat(dev.tandem.shared.Actor.runAs(dev.tandem.shared.Actor.system(), () -> results.forSurvey(id)).overall().mean()).as("the second answer was not stored").isEqualTo(3.0);
        assertThat(surveys.get(id).responses()).isEqualTo(1);
    }

    @Test
    void badAnswersAreRefusedWholeAndTheLinkStaysUsable() {
        Api.Response sent = status(f.send(f.admin, f.template(true), "custom", "Check"), 201);
        String token = token(sent, 0);
        Api.Response bad = status(f.anonymous.post("/api/v1/survey-responses/" + token,
                answers("5", null, "9", "4", "x".repeat(2001))), 400);
        assertThat(bad.body()).contains("answers[2]", "answers[3]", "answers[5]");
        assertThat(surveys.get(sent.json().get("survey").get("id").asLong()).responses()).isZero();
        status(f.anonymous.post("/api/v1/survey-responses/" + token, answers("5", "4", "3", "2", "x".repeat(2000))), 201);
    }

    @Test
    void expiredLinksAreRefusedAndForgedOnesAreNotFound() {
        Api.Response sent = status(f.send(f.admin, null, "custom", "Expiry"), 201);
        String expired = token(sent, 0);
        jdbc.sql("update survey_invitations set expires_at = ? where token_hash = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), Tokens.hash(expired)).update();

        Api.Response gone = status(f.anonymous.get("/api/v1/survey-responses/" + expired), 410);
        assertThat(gone.json().get("detail").asString()).contains("expired");
        status(f.anonymous.post("/api/v1/survey-responses/" + expired, answers("5", "5", "5", "5", "5")), 410);

        // Forged: well-formed but unknown, malformed, and a changed character of a real one all look the same.
        String real = token(sent, 1);
        String changed = (real.charAt(0) == 'A' ? "B" : "A") + real.substring(1);
        for (String forged : List.of(Tokens.generate(), "abc", changed, Tokens.hash(real))) {
            Api.Response r = status(f.anonymous.get("/api/v1/survey-responses/" + forged), 404);
            assertThat(r.json().get("detail").asString()).isEqualTo("this survey link is not valid");
            assertThat(r.body()).doesNotContain(forged);
            status(f.anonymous.post("/api/v1/survey-responses/" + forged, answers("5", "5", "5", "5", "5")), 404);
        }
        status(f.anonymous.get("/api/v1/survey-responses/" + real), 200);
    }

    @Test
    void renewedLinksReplaceTheOldOnesWithoutTellingWhoAnsweredAnAnonymousSurvey() {
        Api.Response sent = status(f.send(f.admin, f.template(true), "custom", "Renew"), 201);
        long id = sent.json().get("survey").get("id").asLong();
        String answeredBy = sent.json().get("links").get(0).get("person").asString();
        String lostBy = sent.json().get("links").get(1).get("person").asString();
        status(f.anonymous.post("/api/v1/survey-responses/" + token(sent, 0), answers("4", "4", "4", "4")), 201);

        status(f.otherSre.post("/api/v1/surveys/" + id + "/links", "{}"), 403);
        JsonNode renewed = status(f.sre.post("/api/v1/surveys/" + id + "/links", "{}"), 200).json();
        assertThat(renewed.get("links")).as("everyone, answered or not").hasSize(3);
        status(f.anonymous.get("/api/v1/survey-responses/" + token(sent, 1)), 404);
        status(f.anonymous.get("/api/v1/survey-responses/" + linkOf(renewed, answeredBy)), 409);
        status(f.anonymous.post("/api/v1/survey-responses/" + linkOf(renewed, lostBy), answers("2", "2", "2", "2")), 201);
        assertThat(surveys.get(id).responses()).isEqualTo(2);
    }

    @Test
    void renewedLinksOfANamedSurveyGoToThoseWhoHaveNotAnswered() {
        Api.Response sent = status(f.send(f.admin, f.template(false), "custom", "Renew named"), 201);
        long id = sent.json().get("survey").get("id").asLong();
        status(f.anonymous.post("/api/v1/survey-responses/" + token(sent, 0), answers("4", "4", "4", "4")), 201);
        JsonNode renewed = status(f.admin.post("/api/v1/surveys/" + id + "/links", "{}"), 200).json();
        assertThat(renewed.get("links")).hasSize(2);
        assertThat(renewed.get("links").findValuesAsString("person"))
                .doesNotContain(sent.json().get("links").get(0).get("person").asString());
    }

    private static String linkOf(JsonNode sent, String person) {
        return sent.get("links").valueStream().filter(l -> l.get("person").asString().equals(person)).findFirst()
                .orElseThrow().get("token").asString();
    }

    @Test
    void namedSurveysStoreWhoAnswered() {
        Api.Response sent = status(f.send(f.admin, f.template(false), "custom", "Named"), 201);
        JsonNode link = sent.json().get("links").get(0);
        String person = link.get("person").asString();
        String token = link.get("token").asString();
        assertThat(status(f.anonymous.get("/api/v1/survey-responses/" + token), 200).json().get("respondent").asString())
                .isNotBlank();
        status(f.anonymous.post("/api/v1/survey-responses/" + token, answers("4", "4", "4", "4", "Good")), 201);
        long id = sent.json().get("survey").get("id").asLong();
        assertThat(jdbc.sql("select respondent from survey_responses where survey_id = ?").param(id)
                .query(String.class).list()).containsExactly(person);
        assertThat(dev.tandem.shared.Actor.runAs(dev.tandem.shared.Actor.system(), () -> results.forSurvey(id))
                .questions().get(4).texts().get(0).respondent()).isEqualTo(person);
        // who answered is for the engagement's people; a viewer reads the answers without the names
        JsonNode forAdmin = status(f.admin.get("/api/v1/surveys/" + id + "/results"), 200).json();
        assertThat(forAdmin.toString()).contains("\"respondent\":\"" + person + "\"");
        JsonNode forViewer = status(f.viewer.get("/api/v1/surveys/" + id + "/results"), 200).json();
        assertThat(forViewer.toString()).contains("Good").doesNotContain(person);
        assertThat(status(f.viewer.get("/api/v1/engagements/" + f.engagement + "/survey-results"), 200).body())
                .doesNotContain(person);
        assertThat(status(f.viewer.get("/api/v1/survey-results"), 200).body()).doesNotContain(person);
    }

    @Test
    void adminsAndEmbeddedSresSendOthersMayNot() {
        for (Api refused : List.of(f.viewer, f.member, f.otherSre)) {
            status(f.send(refused, null, "custom", "Not allowed"), 403);
        }
        status(f.send(f.anonymous, null, "custom", "Not allowed"), 401);
        status(f.send(f.sre, null, "custom", "By the SRE"), 201);
        status(f.send(f.admin, null, "custom", "By the admin"), 201);
        assertThat(surveys.rounds(f.engagement)).extracting(Survey::label).containsExactly("By the admin", "By the SRE");
        // Only admins write templates; everyone signed in reads them and the rounds.
        status(f.sre.post("/api/v1/survey-templates", Api.json(Map.of("name", "x" + f.run,
                "questions", List.of(SurveyFixture.q("rating", "Q"))))), 403);
        status(f.viewer.get("/api/v1/engagements/" + f.engagement + "/surveys"), 200);
        status(f.anonymous.get("/api/v1/survey-templates"), 401);
    }

    @Test
    void badSendRequestsAreRefusedAndNothingIsWritten() {
        Api.Response r = status(f.send(f.admin, 999_999L, "sometimes", "x".repeat(201)), 400);
        assertThat(r.body()).contains("templateId", "milestone", "label");
        status(f.send(f.admin, null, "custom", " "), 400);
        assertThat(surveys.rounds(f.engagement)).isEmpty();
    }

    @Test
    void templateEditsAreVersionedAndDoNotChangeSentSurveys() {
        long template = f.template(true);
        Api.Response sent = status(f.send(f.admin, template, "custom", "Frozen"), 201);
        long id = sent.json().get("survey").get("id").asLong();

        Map<String, Object> edit = Map.of("name", "Template " + f.run + " anon", "anonymous", true,
                "questions", List.of(SurveyFixture.q("rating", "A brand new question")), "version", 1);
        status(f.admin.put("/api/v1/survey-templates/" + template, Api.json(edit)), 200);
        status(f.admin.put("/api/v1/survey-templates/" + template, Api.json(edit)), 409);
        status(f.admin.put("/api/v1/survey-templates/" + template, Api.json(edit), "\"1\""), 412);
        JsonNode t = status(f.admin.get("/api/v1/survey-templates/" + template), 200).json();
        assertThat(t.get("version").asInt()).isEqualTo(2);
        assertThat(t.get("questions")).hasSize(1);

        Survey round = surveys.get(id);
        assertThat(round.templateVersion()).isEqualTo(1);
        assertThat(round.questions()).extracting(Question::text).startsWith("Q1 helped").hasSize(5);
        JsonNode form = status(f.anonymous.get("/api/v1/survey-responses/" + token(sent, 0)), 200).json();
        assertThat(form.get("questions")).hasSize(5);

        status(f.admin.post("/api/v1/survey-templates", Api.json(Map.of("name", "Bad " + f.run,
                "questions", List.of(SurveyFixture.q("text", "Only text"), SurveyFixture.q("opinion", "?"))))), 400);
    }

    @Test
    void theExitSurveyGoesOutWhenTheEngagementStartsItsExit() {
        f.moveTo(EngagementState.DRIVING_CHANGE);
        assertThat(surveys.rounds(f.engagement)).isEmpty();

        f.moveTo(EngagementState.EXITING);

        List<Survey> rounds = surveys.rounds(f.engagement);
        assertThat(rounds).hasSize(1);
        Survey exit = rounds.get(0);
        assertThat(exit.milestone()).isEqualTo(Milestone.EXIT);
        assertThat(exit.templateName()).isEqualTo(SurveyTemplates.SHIPPED_NAME);
        assertThat(exit.invitations()).isEqualTo(3);
        assertThat(exit.sentBy()).isEqualTo("tandem");
        // Nobody saw its links: the embedded SRE hands out new ones.
        JsonNode renewed = status(f.sre.post("/api/v1/surveys/" + exit.id() + "/links", "{}"), 200).json();
        assertThat(renewed.get("links")).hasSize(3);
        status(f.anonymous.get("/api/v1/survey-responses/" + renewed.get("links").get(2).get("token").asString()), 200);
    }

    @Test
    void monthlySurveysGoToRunningEngagementsAMonthAfterTheLastRound() {
        f.moveTo(EngagementState.LEARNING);
        Instant now = Instant.now();
        assertThat(surveys.sendDueMonthly(now)).noneMatch(s -> s.engagementId() == f.engagement);

        List<Survey> sent = surveys.sendDueMonthly(now.plus(Duration.ofDays(31)));
        assertThat(sent).filteredOn(s -> s.engagementId() == f.engagement).singleElement()
                .satisfies(s -> assertThat(s.milestone()).isEqualTo(Milestone.MONTHLY));
        assertThat(surveys.sendDueMonthly(now.plus(Duration.ofDays(45)))).noneMatch(s -> s.engagementId() == f.engagement);
        assertThat(surveys.sendDueMonthly(now.plus(Duration.ofDays(62)))).anyMatch(s -> s.engagementId() == f.engagement);
        assertThat(surveys.rounds(f.engagement)).hasSize(2).allMatch(s -> s.milestone() == Milestone.MONTHLY);
    }

    @Test
    void theApiIsDescribed() {
        JsonNode docs = status(f.anonymous.get("/v3/api-docs"), 200).json();
        assertThat(docs.get("paths").propertyNames()).contains("/api/v1/survey-templates", "/api/v1/survey-templates/{id}",
                "/api/v1/engagements/{id}/surveys", "/api/v1/engagements/{id}/survey-results", "/api/v1/surveys/{id}/results",
                "/api/v1/surveys/{id}/links", "/api/v1/survey-results", "/api/v1/survey-responses/{token}");
    }
}
