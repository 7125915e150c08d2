package dev.tandem.engagement;

import dev.tandem.support.IntegrationTest;
import dev.tandem.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tandem.support.PageSession.csrf;
import static dev.tandem.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** The engagement pages driven through their forms by a signed-in SRE manager. */
@IntegrationTest
class EngagementPagesIT {

    @LocalServerPort
    int port;

    @Test
    void aProposalGoesThroughItsPagesFromTheFormToTheReport() throws Exception {
        EngagementFixture f = new EngagementFixture(port);
        String service = f.service("web", "B", f.team);
        PageSession s = PageSession.admin(port);

        HttpResponse<String> form = s.get("/engagements/new?team=" + f.team);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Willingness and capacity to help an SRE onboard");
        String token = csrf(form.body());

        // a bad proposal comes back with the messages next to the fields, nothing written
        HttpResponse<String> bad = s.post("/engagements", "_csrf=" + token + "&team=" + f.team + "&services=nope-" + f.run
                + "&willingness=8&upcomingLaunch=2027-01-31&relationship=none&risk=3&motivation=3");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("no service named &#39;nope-" + f.run).contains("between 1 and 5");
        assertThat(s.post("/engagements", "_csrf=" + token + "&team=" + f.team + "&upcomingLaunch=soon").body())
                .contains("a date like 2027-03-31");

        String title = "<script>alert(1)</script> Web";
        HttpResponse<String> ok = s.post("/engagements", "_csrf=" + token + "&team=" + f.team + "&title=" + enc(title)
                + "&services=" + service + "&pain=" + enc("Pages at night") + "&incidents=5&sloMisses=1&toilPercent=40"
                + "&willingness=4&motivation=5&relationship=occasional&risk=2&upcomingLaunch=");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        String location = ok.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/engagements/(\\d+).*", "$1"));

        HttpResponse<String> show = s.get("/engagements/" + id);
        assertThat(show.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Web").doesNotContain("<script>alert(1)")
                .contains("Selection score").contains("Low risk").contains("occasional relationship");

        HttpResponse<String> queue = s.get("/engagements/queue");
        assertThat(queue.body()).contains("candidate-" + id).contains("Save weights");

        // decide, plan, charter, criterion, start
        assertThat(follow(s, "/engagements/" + id + "/decision", "_csrf=" + token + "&decision=decline&version=0").body()).contains("say why the engagement is declined");
        assertThat(follow(s, "/engagements/" + id + "/decision", "_csrf=" + token + "&decision=accept&reason=go&version=0").body())
                .contains("The engagement was accepted");
        HttpResponse<String> planned = follow(s, "/engagements/" + id + "/plan", "_csrf=" + token + "&version=1&plannedStart=2026-12-01&plannedEnd=2027-03-01"
                + "&sre=" + f.username("sre") + "&share=60&sre=&share=100&sre=&share=100");
        assertThat(planned.body()).contains("The plan was saved").contains("(60 %)");

        HttpResponse<String> charter = s.get("/engagements/" + id + "/charter");
        assertThat(charter.body()).contains("No charter yet").contains("Add an exit criterion");
        assertThat(follow(s, "/engagements/" + id + "/charter", "_csrf=" + token + "&version=0&goal=" + enc("Sleep at night")
                + "&inScope=" + enc("alerts\nSLOs") + "&holdDays=7&syncCadence=&feedbackCadence=").body()).contains("Charter version 1 was saved");
        follow(s, "/engagements/" + id + "/charter/criteria", "_csrf=" + token + "&version=1&kind=manual&title=" + enc("Runbooks reviewed")
                + "&days=28");
        charter = follow(s, "/engagements/" + id + "/charter/criteria", "_csrf=" + token + "&version=2&kind=review-approved&service=" + service
                + "&level=Z");
        assertThat(charter.body()).contains("Runbooks reviewed").contains("Sleep at night").contains("7 days")
                .contains("the readiness level is A, B or C");
        HttpResponse<String> stale = s.post("/engagements/" + id + "/charter", "_csrf=" + token + "&version=1&goal=old");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone saved the charter while you edited it");

        assertThat(follow(s, "/engagements/" + id + "/move", "_csrf=" + token + "&to=learning&version=2").body()).contains("The engagement is now learning the service");

        // the journal
        follow(s, "/engagements/" + id + "/journal", "_csrf=" + token + "&kind=FIX&title=" + enc("Tune the disk alert")
                + "&assignee=" + f.username("member") + "&date=2026-12-03");
        HttpResponse<String> journal = s.get("/engagements/" + id + "/journal");
        assertThat(journal.body()).contains("Tune the disk alert").contains("→ " + f.username("member")).contains("Mark done");
        Matcher entry = Pattern.compile("/journal/(\\d+)/done").matcher(journal.body());
        assertThat(entry.find()).isTrue();
        follow(s, "/engagements/" + id + "/journal/" + entry.group(1) + "/done", "_csrf=" + token + "&done=true&version=0");
        assertThat(s.get("/engagements/" + id + "/journal").body()).contains("Reopen");

        for (String to : List.of("sharing-context", "driving-change", "exiting")) {
            int version = Integer.parseInt(versionOn(s.get("/engagements/" + id).body()));
            follow(s, "/engagements/" + id + "/move", "_csrf=" + token + "&to=" + to + "&version=" + version);
        }
        HttpResponse<String> report = s.get("/engagements/" + id + "/report");
        assertThat(report.body()).contains("Draft written by Tandem").contains("# After-action report:")
                .contains("[x] Tune the disk alert").contains("- Runbooks reviewed");
        follow(s, "/engagements/" + id + "/report", "_csrf=" + token + "&version=0&body=" + enc("# Report\nDone."));
        assertThat(s.get("/engagements/" + id + "/report").body()).contains("Saved by admin");
        int version = Integer.parseInt(versionOn(s.get("/engagements/" + id).body()));
        HttpResponse<String> done = follow(s, "/engagements/" + id + "/move", "_csrf=" + token + "&to=completed&version=" + version);
        assertThat(done.body()).contains("The engagement is now completed");

        HttpResponse<String> list = s.get("/engagements?view=finished&team=" + f.team);
        assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Web").contains("completed");
        assertThat(s.get("/engagements?view=running&team=" + f.team).body()).contains("No running engagements");
    }

    @Test
    void eachRoleSeesTheControlsItMayUseAndNoOthers() throws Exception {
        EngagementFixture f = new EngagementFixture(port);
        String service = f.service("api", "B", f.team);
        long id = f.propose("Roles", java.util.List.of(service), java.util.Map.of()).get("id").asLong();
        String path = "/engagements/" + id;

        PageSession viewer = PageSession.signIn(port, f.username("viewer"), "password-of-" + f.username("viewer"));
        String asViewer = viewer.get(path).body();
        assertThat(asViewer).contains("Selection score").doesNotContain(">Accept<").doesNotContain("Withdraw the proposal")
                .doesNotContain("Edit the proposal");
        assertThat(viewer.get("/engagements").body()).doesNotContain("Propose an engagement");
        assertThat(viewer.get("/engagements/queue").body()).doesNotContain("Save weights");
        assertThat(viewer.get(path + "/charter").body()).doesNotContain("Add an exit criterion").doesNotContain("Save the charter");
        assertThat(viewer.get(path + "/journal").body()).doesNotContain("Add to the journal");
        HttpResponse<String> refused = viewer.post(path + "/decision", "_csrf=" + csrf(asViewer) + "&decision=accept&version=0");
        assertThat(refused.statusCode()).isEqualTo(403);

        PageSession member = PageSession.signIn(port, f.username("member"), "password-of-" + f.username("member"));
        String asMember = member.get(path).body();
        assertThat(asMember).contains("Edit the proposal").contains("Withdraw the proposal").doesNotContain(">Accept<");
        assertThat(member.get(path + "/charter").body()).contains("Add an exit criterion").contains("Write the charter");
        assertThat(member.post(path + "/decision", "_csrf=" + csrf(asMember) + "&decision=accept&version=0").statusCode())
                .isEqualTo(403);
        assertThat(member.post(path + "/plan", "_csrf=" + csrf(asMember) + "&version=0").statusCode()).isEqualTo(403);

        PageSession outsider = PageSession.signIn(port, f.username("outsider"), "password-of-" + f.username("outsider"));
        assertThat(outsider.get(path + "/charter").body()).doesNotContain("Add an exit criterion");
        String asOutsider = outsider.get(path).body();
        assertThat(outsider.post(path + "/charter", "_csrf=" + csrf(asOutsider) + "&version=0&goal=x").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOverviewWarnsWhenTheManagersPlanPutsAnSreOverCapacity() throws Exception {
        EngagementFixture f = new EngagementFixture(port);
        String service = f.service("db", "B", f.team);
        long first = f.propose("First", java.util.List.of(service), java.util.Map.of()).get("id").asLong();
        long second = f.propose("Second", java.util.List.of(service), java.util.Map.of()).get("id").asLong();
        f.acceptedAndChartered(first);
        PageSession s = PageSession.admin(port);
        assertThat(s.get("/engagements/" + first).body()).doesNotContain("Over capacity");
        f.acceptedAndChartered(second); // the same SRE, full time, over the same dates
        assertThat(s.get("/engagements/" + second).body()).contains("Over capacity: " + f.username("sre")
                + ": 200 % of a capacity of 100 %, 2 engagements at once (at most 1)");
    }

    /** Posts a form and follows the redirect, as a browser does, so that the next page shows the flash message. */
    private static HttpResponse<String> follow(PageSession s, String path, String form) throws Exception {
        HttpResponse<String> r = s.post(path, form);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String to = r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        return s.get(to);
    }

    private static String versionOn(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
