package dev.tandem.accounts.internal;

import dev.tandem.accounts.UserDraft;
import dev.tandem.accounts.Users;
import dev.tandem.shared.Actor;
import dev.tandem.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * On the very first start (no user at all) creates {@code admin}: with {@code TANDEM_ADMIN_PASSWORD} if
 * set, otherwise with a random password printed once. There is no default password.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private final Users users;
    private final String configuredPassword;

    AdminBootstrap(Users users, @Value("${tandem.admin-password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.any()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        Actor.runAs(Actor.system(), () -> users.create(
                new UserDraft("admin", "Administrator", null, Role.ADMIN, true, password, null)));
        if (generated) {
            LOG.warn("""

                    ==========================================================================
                    Created the first user 'admin' with the generated password:

                        {}

                    It is shown this once. Sign in and change it under Admin > Users.
                    (Set TANDEM_ADMIN_PASSWORD before the first start to choose it yourself.)
                    ==========================================================================""", password);
        } else {
            LOG.info("Created the first user 'admin' with the password from TANDEM_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
