package dev.tandem.accounts.internal;

import dev.tandem.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Local users for the sign-in form and HTTP Basic. */
@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final SignInThrottle throttle;

    AccountDetailsService(JdbcClient jdbc, SignInThrottle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from users where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(Role.valueOf(rs.getString(3)).authority())
                        .disabled(!rs.getBoolean(4))
                        .accountLocked(throttle.locked(username))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
