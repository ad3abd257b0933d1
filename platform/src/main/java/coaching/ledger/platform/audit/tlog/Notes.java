package coaching.ledger.platform.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** What signed notes (c2sp.org/signed-note), their keys and the formats built on them share. */
final class Notes {

    /** The signature type byte of Ed25519 in key ids and key texts. */
    static final byte ED25519 = 0x01;

    static final int PUBLIC_KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    /** Far above any note, proof or receipt we write; bounds the work hostile input can cause. */
    static final int MAX_TEXT_CHARS = 1 << 20;

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the JDK reads raw keys only this way. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Notes() {}

    /** Non-empty, without Unicode spaces, plus signs or control characters (signed-note "Key names"). */
    static boolean validName(String name) {
        return name != null
                && !name.isEmpty()
                && name.codePoints()
                        .noneMatch(c -> c == '+'
                                || Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.isISOControl(c)
                                || Character.getType(c) == Character.SURROGATE);
    }

    /** SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian. */
    static int keyId(String name, byte[] publicKey) {
        var digest = Merkle.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ED25519);
        byte[] hash = digest.digest(publicKey);
        return (hash[0] & 0xFF) << 24 | (hash[1] & 0xFF) << 16 | (hash[2] & 0xFF) << 8 | (hash[3] & 0xFF);
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /**
     * Standard base64 (RFC 4648 §4) in its one canonical spelling: padded, no line breaks, zero
     * trailing bits, so each value has exactly one text and altered text never decodes to the same bytes.
     *
     * @throws IllegalArgumentException otherwise
     */
    static byte[] base64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64");
        }
        return bytes;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The key as key texts hold it: the signature type byte, then the key. */
    static byte[] withAlgorithm(byte[] key) {
        byte[] bytes = new byte[1 + key.length];
        bytes[0] = ED25519;
        System.arraycopy(key, 0, bytes, 1, key.length);
        return bytes;
    }

    static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = new byte[X509_PREFIX.length + PUBLIC_KEY_SIZE];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, PUBLIC_KEY_SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** The raw 32-byte key: the end of its X.509 encoding. */
    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        byte[] raw = new byte[PUBLIC_KEY_SIZE];
        System.arraycopy(encoded, encoded.length - PUBLIC_KEY_SIZE, raw, 0, PUBLIC_KEY_SIZE);
        return raw;
    }

    /** Whether the text is valid UTF-16 (so valid UTF-8 once encoded) without control characters but newline. */
    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
