package dev.tandem.survey.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailServerTest {

    private static MailServer server(MockEnvironment environment) {
        return new MailServer(environment, new DefaultListableBeanFactory().getBeanProvider(SslBundles.class));
    }

    @Test
    void noHostMeansNoSender() {
        assertThat(server(new MockEnvironment()).sender()).isNull();
    }

    @Test
    void theSenderTakesBootsMailSettings() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")
                .withProperty("spring.mail.port", "2525").withProperty("spring.mail.username", "tandem")
                .withProperty("spring.mail.password", "secret").withProperty("spring.mail.default-encoding", "ISO-8859-1")
                .withProperty("spring.mail.properties.mail.smtp.starttls.enable", "true")
                .withProperty("spring.mail.ssl.enabled", "true");

        JavaMailSenderImpl sender = (JavaMailSenderImpl) server(environment).sender();

        assertThat(sender.getHost()).isEqualTo("smtp.example.com");
        assertThat(sender.getPort()).isEqualTo(2525);
        assertThat(sender.getUsername()).isEqualTo("tandem");
        assertThat(sender.getPassword()).isEqualTo("secret");
        assertThat(sender.getDefaultEncoding()).isEqualTo("ISO-8859-1");
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.ssl.enable", "true");
    }

    @Test
    void testConnectionFailsTheStartWhenTheServerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "127.0.0.1")
                .withProperty("spring.mail.port", String.valueOf(closedPort)).withProperty("spring.mail.test-connection", "true");

        assertThatThrownBy(() -> server(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Mail server is not available");
    }

    @Test
    void aJndiNameIsRefusedWithAMessage() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.jndi-name", "mail/Session");

        assertThatThrownBy(() -> server(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.mail.jndi-name is not supported");
    }
}
