package dev.tandem.engagement;

import dev.tandem.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster and rotation pages over plain HTTP, as an admin and as a viewer, forms with CSRF. */
@IntegrationTest
class RotationPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Engagements engagements;

    RosterFixture f;
    RosterFixture.Session admin;
    RosterFixture.Session viewer;

    @BeforeEach
    void setUp() throws Exception {
        f = new RosterFixture(port, engagements);
        admin = f.signIn("admin", dev.tandem.support.TestDatabase.ADMIN_PASSWORD);
        viewer = f.signIn(f.viewerName, RosterFixture.password(f.viewerName));
    }

    @Test
    void theRosterListsSresEscapedAndAdminsEditEntriesWithErrorsBesideTheFields() throws Exception {
        HttpResponse<String> page = admin.get("/roster");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SRE roster").contains("aria-current=\"page\"").contains(f.sre1).contains(f.sre2)
                .contains("First &lt;b&gt;SRE&lt;/b&gt;").doesNotContain("First <b>SRE</b>")
                .contains("Save settings").contains("scope=\"col\"").contains("for=\"maxStayDays\"");

        HttpResponse<String> entry = admin.get("/roster/" + f.sre2);
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.body()).contains("Change the entry").contains("for=\"capacityPercent\"").contains("None: not embedded");
        String csrf = RosterFixture.Session.csrf(entry.body());

        HttpResponse<String> bad = admin.post("/roster/" + f.sre2, "capacityPercent=lots&maxConcurrent=1&skills=a+b&unavailableUntil=&version=0&_csrf=" + csrf);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Please correct the following").contains("&#39;lots&#39; is not a whole number");
        HttpResponse<String> bad2 = admin.post("/roster/" + f.sre2, "capacityPercent=120&maxConcurrent=1&skills=ok%2C+no%21&version=0&_csrf=" + csrf);
        assertThat(bad2.body()).contains("a whole number from 0 to 100").contains("is not a skill tag");

        HttpResponse<String> saved = admin.post("/roster/" + f.sre2,
                "capacityPercent=60&maxConcurrent=2&skills=Kubernetes%2C+observability&unavailableUntil=&version=0&_csrf=" + csrf);
        assertThat(saved.statusCode()).isEqualTo(302);
        String after = admin.get("/roster/" + f.sre2).body();
        assertThat(after).contains("60 % of their time").contains("kubernetes").contains("observability");

        HttpResponse<String> stale = admin.post("/roster/" + f.sre2,
                "capacityPercent=70&maxConcurrent=2&skills=&version=0&_csrf=" + csrf);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Someone else changed the roster entry").contains("value=\"70\"");

        HttpResponse<String> noCsrf = admin.post("/roster/" + f.sre2, "capacityPercent=10&maxConcurrent=1&version=1");
        assertThat(noCsrf.statusCode()).isEqualTo(403);

        String settingsCsrf = RosterFixture.Session.csrf(admin.get("/roster").body());
        int version = f.admin.get("/api/v1/rotation/settings").json().get("version").asInt();
        HttpResponse<String> badSettings = admin.post("/rotation/settings", "maxStayDays=long&defaultLengthDays=30&version="
                + version + "&_csrf=" + settingsCsrf);
        assertThat(badSettings.statusCode()).isEqualTo(200);
        assertThat(badSettings.body()).contains("&#39;long&#39; is not a whole number").contains("has-error");
        HttpResponse<String> staleSettings = admin.post("/rotation/settings", "maxStayDays=100&defaultLengthDays=30&version="
                + (version + 50) + "&_csrf=" + settingsCsrf);
        assertThat(staleSettings.statusCode()).isEqualTo(200);
        assertThat(staleSettings.body()).contains("Someone else changed the rotation settings").contains("value=\"100\"");
        assertThat(f.admin.get("/api/v1/rotation/settings").json().get("version").asInt()).as("nothing written").isEqualTo(version);
    }

    @Test
    void viewersReadButChangeNothing() throws Exception {
        HttpResponse<String> roster = viewer.get("/roster");
        assertThat(roster.statusCode()).isEqualTo(200);
        assertThat(roster.body()).contains(f.sre1).doesNotContain("Save settings").contains("the same team across engagements");
        HttpResponse<String> entry = viewer.get("/roster/" + f.sre1);
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.body()).doesNotContain("Change the entry");
        HttpResponse<String> rotation = viewer.get("/rotation");
        assertThat(rotation.statusCode()).isEqualTo(200);
        assertThat(rotation.body()).doesNotContain("/rotation/apply");

        String csrf = RosterFixture.Session.csrf(rotation.body());
        assertThat(viewer.post("/roster/" + f.sre1, "capacityPercent=10&maxConcurrent=1&version=0&_csrf=" + csrf).statusCode())
                .isEqualTo(403);
        assertThat(viewer.post("/rotation/settings", "maxStayDays=10&defaultLengthDays=5&version=0&_csrf=" + csrf).statusCode())
                .isEqualTo(403);
        Engagement e = f.propose(f.teamA, null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(viewer.post("/rotation/apply", "engagement=" + e.id() + "&version=" + e.version() + "&person=" + f.sre1
                + "&sharePercent=100&plannedStart=" + today + "&plannedEnd=" + today.plusDays(10) + "&_csrf=" + csrf).statusCode())
                .isEqualTo(403);
        assertThat(f.engagement(e.id()).state()).isEqualTo(EngagementState.PROPOSED);
        assertThat(f.admin.get("/api/v1/roster/" + f.sre1).json().get("version").asInt()).isZero();
    }

    @Test
    void theRotationShowsTheTimelineAndAdminsApplyAProposal() throws Exception {
        Engagement e = f.propose(f.teamB, null);
        HttpResponse<String> page = admin.get("/rotation");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<svg").contains("role=\"img\"").contains("Rotation timeline from").contains("class=\"today\"")
                .contains("First &lt;b&gt;SRE&lt;/b&gt;").doesNotContain("First <b>SRE</b>")
                .contains("Who is embedded where").contains("Proposed next assignments").contains("scope=\"col\"");
        assertThat(body).contains("#" + e.id() + " Rotation " + f.teamB);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String csrf = RosterFixture.Session.csrf(body);
        String form = "engagement=" + e.id() + "&person=" + f.sre1 + "&sharePercent=100&plannedStart=" + today
                + "&plannedEnd=" + today.plusDays(89) + "&_csrf=" + csrf;
        HttpResponse<String> stale = admin.post("/rotation/apply", form + "&version=" + (e.version() + 5));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(admin.get("/rotation").body()).contains("The proposal was not applied").contains("changed by someone else");
        assertThat(f.engagement(e.id()).state()).isEqualTo(EngagementState.PROPOSED);

        HttpResponse<String> applied = admin.post("/rotation/apply", form + "&version=" + e.version());
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(applied.headers().firstValue("Location").orElse("")).endsWith("/rotation");
        Engagement after = f.engagement(e.id());
        assertThat(after.state()).isEqualTo(EngagementState.ACCEPTED);
        assertThat(after.sres()).extracting(Engagement.EmbeddedSre::person).containsExactly(f.sre1);

        String now = admin.get("/rotation").body();
        assertThat(now).contains("is accepted with " + f.sre1)
                .contains("<rect class=\"bar\"").contains("#" + e.id() + " Rotation " + f.teamB + " (team " + f.teamB + "), accepted");
        assertThat(admin.get("/roster/" + f.sre1).body()).contains("#" + e.id() + " Rotation " + f.teamB).contains("100 %");
    }
}
