package coaching.ledger.platform.testing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * One fingerprint key for every ledger process a test starts: processes appending to one event store
 * (several services, or one ledger restarted after a crash) must fingerprint under the same key, or
 * a repeat sent to another process would be judged a conflict. Made once per test JVM, never a file
 * in the working directory. Self-contained: modules that only start packaged jars (deployment) do
 * not have the platform's main classes on their class path.
 */
public final class SharedFingerprintKey {

    private static final String KEY;

    static {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        KEY = Base64.getEncoder().encodeToString(secret);
    }

    private SharedFingerprintKey() {}

    /** The application argument (docs/operations.md, "Configuration": {@code ledger.fingerprint.key}) that gives a process this key. */
    public static String argument() {
        return "--ledger.fingerprint.key=" + KEY;
    }
}
