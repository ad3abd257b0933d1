package coaching.ledger.platform.testing;

import coaching.ledger.platform.fingerprint.FingerprintKeys;

/**
 * One fingerprint key for every ledger process a test starts: processes appending to one event store
 * (several services, or one ledger restarted after a crash) must fingerprint under the same key, or
 * a repeat sent to another process would be judged a conflict. Made once per test JVM, never a file
 * in the working directory.
 */
public final class SharedFingerprintKey {

    private static final String KEY = FingerprintKeys.newKey();

    private SharedFingerprintKey() {
    }

    /** The application argument that gives a process this key. */
    public static String argument() {
        return "--" + FingerprintKeys.KEY + "=" + KEY;
    }
}
