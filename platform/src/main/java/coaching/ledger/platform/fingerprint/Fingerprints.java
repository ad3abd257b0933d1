package coaching.ledger.platform.fingerprint;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed fingerprints of what a command recorded: HMAC-SHA256 under a server-side secret over the
 * {@link TypedEncoding} of the values. A retry is told apart from a reuse of the same id with other
 * content without keeping confidential text (session notes, update content) in aggregate state or
 * snapshots, and without the fingerprint being a plain hash that anyone holding a database backup
 * could test guesses against.
 */
public final class Fingerprints {

    /** Shortest secret accepted: HMAC-SHA256's own block of security. */
    public static final int MINIMUM_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String keyId;

    public Fingerprints(byte[] secret) {
        if (secret.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a fingerprint key needs at least " + MINIMUM_KEY_BYTES + " bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        // names the key without revealing it: state fingerprinted under one key is never compared under another
        this.keyId = mac("ledger fingerprint key id".getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    /** The fingerprint of these values, in this order. */
    public String of(Object... values) {
        return mac(TypedEncoding.of(values));
    }

    /** A short public name of the key, recorded with state that holds fingerprints. */
    public String keyId() {
        return keyId;
    }

    private String mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
