package coaching.ledger.platform.security;

import coaching.ledger.kernel.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Who may sign in: {@code users} lists real ones with encoded passwords ({@code {bcrypt}$2a$...}).
 * The demo users of docs/http-api.md come with profile {@code demo} alone (SecurityConfiguration), not a property.
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(List<User> users, Duration credentialCacheTtl) {

    public LedgerSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(2) : credentialCacheTtl;
    }

    public record User(String id, String password, Role role) {}
}
