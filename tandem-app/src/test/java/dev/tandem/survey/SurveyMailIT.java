package dev.tandem.survey;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tandem.engagement.Charters;
import dev.tandem.engagement.EngagementState;
import dev.tandem.engagement.Engagements;
import dev.tandem.support.Api;
import dev.tandem.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tandem.survey.SurveyFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

/** With a mail server configured (a real SMTP server, GreenMail, on a free local port) each person gets their link. */
@IntegrationTest
class SurveyMailIT {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("(\\S+)/s/([A-Za-z0-9_-]{43})");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("tandem.public-url", () -> "http://tandem.test/");
        registry.add("tandem.surveys.mail-from", () -> "sre-program@example.com");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    Engagements engagements;
    @Autowired
    Charters charters;

    SurveyFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new SurveyFixture(port, engagements, charters);
        SMTP.purgeEmailFromAllMailboxes();
    }

    private List<MimeMessage> mailsTo(List<String> people, int expected) {
        assertThat(SMTP.waitForIncomingEmail(10_000, expected)).as("%d mails arrive", expected).isTrue();
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> people.stream().anyMatch(p -> recipient(m).equals(p + "@example.com"))).toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyMemberGetsTheirOwnLinkByMail() throws Exception {
        Api.Response sent = status(f.send(f.admin, null, "custom", "Mailed round"), 201);
        List<MimeMessage> mails = mailsTo(f.members, 3);
        assertThat(mails).hasSize(3);
        for (MimeMessage m : mails) {
            assertThat(m.getFrom()[0].toString()).isEqualTo("sre-program@example.com");
            assertThat(m.getSubject()).contains("Mailed round");
            String body = GreenMailUtil.getBody(m);
            assertThat(body).contains("Survey engagement " + f.run, "stored without your name");
            Matcher link = LINK.matcher(body);
            assertThat(link.find()).as(body).isTrue();
            assertThat(link.group(1)).isEqualTo("http://tandem.test");
            String to = m.getAllRecipients()[0].toString();
            String person = to.substring(0, to.indexOf('@'));
            String token = sent.json().get("links").valueStream().filter(l -> l.get("person").asString().equals(person))
                    .findFirst().orElseThrow().get("token").asString();
            assertThat(link.group(2)).as("each person gets their own link").isEqualTo(token);
        }
        status(f.anonymous.get("/api/v1/survey-responses/" + SurveyFixture.token(sent, 0)), 200);
    }

    @Test
    void theAutomaticExitRoundIsMailedToo() throws Exception {
        f.moveTo(EngagementState.EXITING);
        List<MimeMessage> mails = mailsTo(f.members, 3);
        assertThat(mails).hasSize(3);
        for (MimeMessage m : mails) {
            assertThat(m.getSubject()).contains("Exit");
        }
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mails.get(0)));
        assertThat(link.find()).isTrue();
        status(f.anonymous.post("/api/v1/survey-responses/" + link.group(2), Api.json(java.util.Map.of("answers",
                java.util.Map.of("1", "5", "2", "5", "3", "5", "4", "5", "5", "5")))), 201);
    }
}
