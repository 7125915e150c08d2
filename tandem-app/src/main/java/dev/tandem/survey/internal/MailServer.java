package dev.tandem.survey.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.Properties;

/**
 * The SMTP connection survey links go out through, from Spring Boot's {@code spring.mail.*} settings: host,
 * port, username, password, protocol, default encoding, {@code spring.mail.properties.*} and
 * {@code spring.mail.ssl.*} (enabled, verify-hostname, bundle), as Boot's own mail sender reads them, and
 * {@code spring.mail.test-connection} (the start fails when the server cannot be reached). Not
 * {@code spring.mail.jndi-name}: the start fails with a message saying so. Unlike Boot's sender it adds no
 * mail health indicator, so an unreachable mail server does not take Tandem's health down.
 *
 * <p>Tandem builds it instead of Boot's mail auto-configuration because that one exists only when
 * {@code spring.mail.host} is set, and the packaged server evaluates such conditions when the jar is
 * built (Spring AOT, {@code dev.tandem.AheadOfTime}): a mail host given at start would have been ignored.
 * This component always exists and reads the settings when the server starts.
 */
@Component
public class MailServer {

    private final JavaMailSender sender;

    MailServer(Environment environment, ObjectProvider<SslBundles> sslBundles) {
        MailProperties settings = Binder.get(environment).bind("spring.mail", MailProperties.class).orElseGet(MailProperties::new);
        if (settings.getJndiName() != null && !settings.getJndiName().isBlank()) {
            throw new IllegalStateException("spring.mail.jndi-name is not supported: set spring.mail.host (and port, username,"
                    + " password) instead");
        }
        JavaMailSenderImpl mail = settings.getHost() == null || settings.getHost().isBlank() ? null : sender(settings, sslBundles);
        if (mail != null && environment.getProperty("spring.mail.test-connection", Boolean.class, false)) {
            try {
                mail.testConnection(); // as Boot's own check does: a start with an unreachable mail server fails
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("Mail server is not available: " + e.getMessage(), e);
            }
        }
        this.sender = mail;
    }

    /** The configured sender, or null when no mail server is set. */
    public JavaMailSender sender() {
        return sender;
    }

    static JavaMailSenderImpl sender(MailProperties settings, ObjectProvider<SslBundles> sslBundles) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(settings.getHost());
        if (settings.getPort() != null) {
            mail.setPort(settings.getPort());
        }
        mail.setUsername(settings.getUsername());
        mail.setPassword(settings.getPassword());
        mail.setProtocol(settings.getProtocol());
        if (settings.getDefaultEncoding() != null) {
            mail.setDefaultEncoding(settings.getDefaultEncoding().name());
        }
        Properties javaMail = new Properties();
        javaMail.putAll(settings.getProperties());
        String protocol = settings.getProtocol() == null || settings.getProtocol().isEmpty() ? "smtp" : settings.getProtocol();
        MailProperties.Ssl ssl = settings.getSsl();
        boolean bundle = ssl.getBundle() != null && !ssl.getBundle().isEmpty();
        if (ssl.isEnabled() || bundle) {
            if (ssl.isVerifyHostname()) {
                javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            if (ssl.isEnabled()) {
                javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
            }
        }
        if (bundle) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("spring.mail.ssl.bundle is set but there are no SSL bundles (spring.ssl.bundle.*)");
            }
            javaMail.put("mail." + protocol + ".ssl.socketFactory",
                    bundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
        }
        if (!javaMail.isEmpty()) {
            mail.setJavaMailProperties(javaMail);
        }
        return mail;
    }
}
