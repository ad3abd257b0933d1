package coaching.ledger.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of the ledger's tamper evidence. An event's hash covers every stored column (bytes as
 * stored, so an encrypted field hashes as its ciphertext); a link hashes the previous link with it.
 */
public final class ChainHash {

    /** The link before the first event of the store and of every stream. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {}

    public static String of(StoredEvent event) {
        MessageDigest digest = sha256();
        field(digest, Long.toString(event.globalIndex()));
        field(digest, event.eventIdentifier());
        field(digest, event.aggregateIdentifier());
        field(digest, Long.toString(event.sequenceNumber()));
        field(digest, event.type());
        field(digest, event.timeStamp());
        field(digest, event.payloadType());
        field(digest, event.payloadRevision());
        field(digest, event.payload());
        field(digest, event.metaData());
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String link(String previousLink, String eventHash) {
        MessageDigest digest = sha256();
        digest.update(previousLink.getBytes(StandardCharsets.US_ASCII));
        digest.update(eventHash.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed, so no two different rows can produce the same byte sequence. */
    private static void field(MessageDigest digest, byte[] value) {
        digest.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
