package coaching.ledger.baseline.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers credentials bcrypt accepted, by a salted SHA-256 of user and password (never the password).
 * HTTP Basic sends the password with every request and bcrypt costs tens of ms of CPU. Failures are not
 * remembered. Unbounded and never expiring: a bench service with six users, not a product.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider bcrypt;
    private final Map<String, Authentication> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];

    VerifiedCredentials(AuthenticationProvider bcrypt) {
        this.bcrypt = bcrypt;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return bcrypt.authenticate(authentication);
        }
        String key = fingerprint(authentication.getName(), password);
        Authentication known = verified.get(key);
        if (known != null) {
            return known;
        }
        Authentication result = bcrypt.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(
                    key,
                    UsernamePasswordAuthenticationToken.authenticated(
                            result.getPrincipal(), null, result.getAuthorities()));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return bcrypt.supports(authentication);
    }

    private String fingerprint(String user, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
