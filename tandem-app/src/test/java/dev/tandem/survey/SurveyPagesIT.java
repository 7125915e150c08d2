package dev.tandem.survey;

import dev.tandem.engagement.Charters;
import dev.tandem.engagement.Engagements;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tandem.support.PageSession.csrf;
import static dev.tandem.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The survey pages: the public answer page signed out (with CSRF), and the signed-in program and engagement pages. */
@IntegrationTest
class SurveyPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    Engagements engagements;
    @Autowired
    Charters charters;
    @Autowired
    Surveys surveys;

    SurveyFixture f;

    @BeforeEach
    void setUp() {
        f = new SurveyFixture(port, engagements, charters);
    }

    /** A browser without an account: a cookie jar and no redirects followed. */
    private final class Visitor {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void answeringSignedOut() throws Exception {
        Api.Response sent = SurveyFixture.status(f.send(f.admin, f.template(true), "custom", "Page round"), 201);
        String token = SurveyFixture.token(sent, 0);
        Visitor visitor = new Visitor();

        HttpResponse<String> page = visitor.get("/s/" + token);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Survey engagement " + f.run, "Q1 helped", "Q5 anything else?",
                "type=\"radio\"", "Strongly agree", "anonymous", "name=\"_csrf\"");
        assertThat(page.body()).doesNotContain("Sign out");

        // Without the form's CSRF token the post is refused.
        assertThat(visitor.post("/s/" + token, "q1=5&q2=5&q3=5&q4=5").statusCode()).isEqualTo(403);

        // A missing rating and a long text: the form comes back with the messages and the answers given.
        String csrf = csrf(page.body());
        HttpResponse<String> bad = visitor.post("/s/" + token, "_csrf=" + csrf + "&q1=5&q3=4&q4=2&q5=" + "x".repeat(2001));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("choose a rating from 1 to 5", "at most 2000 characters", "Please check your answers");
        assertThat(surveys.get(sent.json().get("survey").get("id").asLong()).responses()).isZero();

        HttpResponse<String> ok = visitor.post("/s/" + token, "_csrf=" + csrf(bad.body())
                + "&q1=5&q2=4&q3=4&q4=3&q5=" + enc("More <b>pairing</b>"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("Thank you");

        HttpResponse<String> again = visitor.get("/s/" + token);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already answered");
    }

    @Test
    void expiredAndForgedLinksSignedOut() throws Exception {
        Api.Response sent = SurveyFixture.status(f.send(f.admin, null, "custom", "Page expiry"), 201);
        String token = SurveyFixture.token(sent, 0);
        autowiredJdbc.sql("update survey_invitations set expires_at = ? where token_hash = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
                        dev.tandem.survey.internal.Tokens.hash(token)).update();
        Visitor visitor = new Visitor();
        HttpResponse<String> expired = visitor.get("/s/" + token);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired", "ask the embedded SRE for a new one");

        String forgedToken = dev.tandem.survey.internal.Tokens.generate();
        HttpResponse<String> forged = visitor.get("/s/" + forgedToken);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("This survey link is not valid").doesNotContain(forgedToken)
                .doesNotContain("expired").doesNotContain("answered");
        assertThat(visitor.get("/s/not-a-token").statusCode()).isEqualTo(404);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient autowiredJdbc;

    @Test
    void theEngagementPageSendsAndShowsTheLinksOnce() throws Exception {
        PageSession admin = PageSession.admin(port);
        HttpResponse<String> page = admin.get("/engagements/" + f.engagement + "/surveys");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("No survey has been sent yet", "Send a survey", "Engagement satisfaction",
                "aria-current=\"page\">Surveys");

        HttpResponse<String> refused = admin.post("/engagements/" + f.engagement + "/surveys",
                "_csrf=" + csrf(page.body()) + "&milestone=custom&label=");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("name the milestone");

        HttpResponse<String> sent = admin.post("/engagements/" + f.engagement + "/surveys",
                "_csrf=" + csrf(page.body()) + "&milestone=custom&label=" + enc("Kick-off check"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("Copy these links now", f.name("dana") + "@example.com");
        Matcher link = Pattern.compile("/s/([A-Za-z0-9_-]{43})").matcher(sent.body());
        assertThat(link.find()).isTrue();
        assertThat(sent.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        HttpResponse<String> after = admin.get("/engagements/" + f.engagement + "/surveys");
        assertThat(after.body()).contains("Kick-off check", "0 of 3 answered", "New links for everyone invited")
                .doesNotContain(link.group(1));

        SurveyFixture.status(f.anonymous.post("/api/v1/survey-responses/" + link.group(1),
                Api.json(java.util.Map.of("answers", java.util.Map.of("1", "4", "2", "4", "3", "4", "4", "4", "5", "5",
                        "6", "<script>alert(1)</script>")))), 201);
        HttpResponse<String> results = admin.get("/engagements/" + f.engagement + "/surveys");
        assertThat(results.body()).contains("1 of 3 answered", "4.20").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void programPageAndTemplateEditor() throws Exception {
        PageSession admin = PageSession.admin(port);
        HttpResponse<String> program = admin.get("/surveys");
        assertThat(program.statusCode()).as(program.body()).isEqualTo(200);
        assertThat(program.body()).contains("Satisfaction surveys", "Templates", "Engagement satisfaction",
                "aria-current=\"page\">Surveys");

        HttpResponse<String> blank = admin.get("/surveys/templates/new");
        assertThat(blank.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = admin.post("/surveys/templates", "_csrf=" + csrf(blank.body()) + "&name=&questions=");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("name the template", "ask at least one question");

        String name = "Page template " + f.run;
        HttpResponse<String> created = admin.post("/surveys/templates", "_csrf=" + csrf(blank.body()) + "&name=" + enc(name)
                + "&anonymous=true&questions=" + enc("rating: Helpful?\ntext: Why?"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = f.admin.get("/api/v1/survey-templates").json().valueStream()
                .filter(t -> t.get("name").asString().equals(name)).findFirst().orElseThrow().get("id").asLong();

        HttpResponse<String> edit = admin.get("/surveys/templates/" + id);
        assertThat(edit.body()).contains("rating: Helpful?", "text: Why?", "Version 1");
        HttpResponse<String> saved = admin.post("/surveys/templates/" + id, "_csrf=" + csrf(edit.body()) + "&version=1&name="
                + enc(name) + "&questions=" + enc("rating: Helpful?\nrating: Again?"));
        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> stale = admin.post("/surveys/templates/" + id, "_csrf=" + csrf(edit.body()) + "&version=1&name="
                + enc(name) + "&questions=" + enc("rating: Lost edit"));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("changed by someone else");

        // Not for signed-out visitors: the sign-in page.
        assertThat(new Visitor().get("/surveys").statusCode()).isEqualTo(302);
    }
}
