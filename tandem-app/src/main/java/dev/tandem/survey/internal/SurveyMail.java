package dev.tandem.survey.internal;

import dev.tandem.survey.SurveyLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * E-mails each person their link, when Tandem has a mail server ({@code spring.mail.host}, see
 * {@link MailServer}). The links' address is {@code tandem.public-url}, or else the
 * address the sender's request came to; the automatic rounds need {@code tandem.public-url}. A failed
 * message is logged and does not undo the round: the sender still sees every link once.
 */
@Component
public class SurveyMail {

    private static final Logger log = LoggerFactory.getLogger(SurveyMail.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MailServer server;
    private final String from;
    private final String publicUrl;

    SurveyMail(MailServer server, @Value("${tandem.surveys.mail-from:tandem@localhost}") String from,
               @Value("${tandem.public-url:}") String publicUrl) {
        this.server = server;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public boolean enabled() {
        return server.sender() != null;
    }

    /** The address links start with, or null when neither the setting nor a request tells it. */
    public String baseUrl() {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return null;
    }

    /** Sends one message per link with an e-mail address; returns how many went out. */
    public int deliver(String engagementTitle, String team, String label, boolean anonymous, String base,
                       List<SurveyLink> links) {
        JavaMailSender mail = server.sender();
        if (mail == null) {
            return 0;
        }
        if (base == null) {
            log.warn("survey links not e-mailed: set tandem.public-url so automatic rounds know Tandem's address");
            return 0;
        }
        int sent = 0;
        for (SurveyLink link : links) {
            if (link.email() == null || link.email().isBlank()) {
                continue;
            }
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(link.email());
            m.setSubject("How is the SRE engagement going? " + label);
            m.setText("Hello " + (link.displayName() != null ? link.displayName() : link.person()) + ",\n\n"
                    + "please tell us how the engagement \"" + engagementTitle + "\" with team " + team
                    + " is going. It takes two minutes"
                    + (anonymous ? " and your answers are stored without your name" : "") + ":\n\n"
                    + base + link.path() + "\n\n"
                    + "The link is yours alone, takes one response and works until " + DAY.format(link.expiresAt())
                    + ". No sign-in is needed.\n\n-- Tandem\n");
            try {
                mail.send(m);
                sent++;
            } catch (MailException e) {
                log.warn("the survey link for {} was not e-mailed: {}", link.person(), e.getMessage());
            }
        }
        return sent;
    }
}
