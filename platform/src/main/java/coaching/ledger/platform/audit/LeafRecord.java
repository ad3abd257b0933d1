package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.tlog.Merkle;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The canonical bytes a Merkle leaf covers for one stored event: where it is (global index, event id,
 * stream and sequence), what it is (payload type, revision, time stamp), SHA-256 of the stored payload
 * and metadata bytes, and for disclosures and consents the facts an auditor needs to read from a
 * receipt. Never any content text: a receipt handed to an auditor carries these bytes.
 *
 * <p>One {@code name value} line each; values are percent-encoded outside printable ASCII (and
 * {@code %}), so every value is one line and the bytes are deterministic. A null stored column is
 * written {@code -}; the value {@code -} itself is written {@code %2D} to stay distinct from it.
 */
public final class LeafRecord {

    static final String HEADER = "coaching-ledger/leaf@v1";

    static final String NULL = "-";

    private static final List<String> STORED_FIELDS = List.of(
            "globalIndex",
            "eventId",
            "stream",
            "sequence",
            "payloadType",
            "payloadRevision",
            "timeStamp",
            "payloadSha256",
            "metaDataSha256");

    /** The payload facts each type's record carries, by field name, in this order. */
    private static final Map<String, List<String>> FACTS = Map.of(
            "UpdateShared",
            List.of(
                    "engagementId",
                    "updateId",
                    "audience",
                    "scope",
                    "recipientId",
                    "sharedBy",
                    "sharedAt",
                    "consentId",
                    "consentGrantEventId",
                    "consentGrantSequence"),
            "UpdateConsentGranted",
            List.of("engagementId", "consentId", "clientId", "audience", "scopes", "validUntil"),
            "UpdateConsentRevoked",
            List.of("engagementId", "consentId"));

    private LeafRecord() {}

    public static byte[] of(StoredEvent event, ObjectMapper json) {
        StringBuilder record = new StringBuilder(HEADER).append('\n');
        line(record, "globalIndex", Long.toString(event.globalIndex()));
        line(record, "eventId", event.eventIdentifier());
        line(record, "stream", event.aggregateIdentifier());
        line(record, "sequence", Long.toString(event.sequenceNumber()));
        line(record, "payloadType", event.payloadType());
        line(record, "payloadRevision", event.payloadRevision());
        line(record, "timeStamp", event.timeStamp());
        line(record, "payloadSha256", sha256(event.payload()));
        line(record, "metaDataSha256", sha256(event.metaData()));
        List<String> facts = event.payloadType() == null ? null : FACTS.get(event.simpleType());
        if (facts != null) {
            JsonNode payload = readObject(event.payload(), json);
            if (payload == null) {
                line(record, "payload", "unreadable");
            } else {
                for (String field : facts) {
                    JsonNode value = payload.get(field);
                    if (value != null && !value.isNull()) {
                        line(record, field, field.equals("scopes") ? sortedList(value) : text(value));
                    }
                }
            }
        }
        return record.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The record's values by name, decoded, in its order; a null column reads as {@code -}.
     *
     * @throws IllegalArgumentException when the bytes are not a leaf record as {@link #of} writes them
     */
    public static Map<String, String> parse(byte[] record) {
        if (record == null || record.length == 0 || record[record.length - 1] != '\n') {
            throw new IllegalArgumentException("a leaf record is lines ending in a newline");
        }
        for (byte b : record) {
            if ((b < 0x20 || b > 0x7E) && b != '\n') {
                throw new IllegalArgumentException("a leaf record is printable ASCII");
            }
        }
        String[] lines = new String(record, 0, record.length - 1, StandardCharsets.US_ASCII).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("a leaf record starts with the line " + HEADER);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int space = lines[i].indexOf(' ');
            String name = space < 0 ? "" : lines[i].substring(0, space);
            String raw = lines[i].substring(space + 1);
            if (!name.matches("[A-Za-z0-9]+") || values.containsKey(name)) {
                throw new IllegalArgumentException("line " + (i + 1) + " of a leaf record is not 'name value'");
            }
            values.put(name, decode(raw));
        }
        if (!List.copyOf(values.keySet())
                .subList(0, Math.min(values.size(), STORED_FIELDS.size()))
                .equals(STORED_FIELDS)) {
            throw new IllegalArgumentException("a leaf record starts with the fields " + STORED_FIELDS);
        }
        return values;
    }

    private static void line(StringBuilder record, String name, String value) {
        record.append(name).append(' ').append(encode(value)).append('\n');
    }

    static String encode(String value) {
        if (value == null) {
            return NULL;
        }
        if (value.equals(NULL)) {
            return "%2D";
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x21 && b <= 0x7E && b != '%') {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /** Decodes only what {@link #encode} writes, so one record has one spelling. */
    private static String decode(String raw) {
        if (raw.equals(NULL)) {
            return NULL;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && raw.substring(i + 1, i + 3).matches("[0-9A-F]{2}")) {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String value;
        try {
            value = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("a leaf record value is not percent-encoded UTF-8: " + raw);
        }
        if (!encode(value).equals(raw)) {
            throw new IllegalArgumentException("a leaf record value is not in its one percent-encoding: " + raw);
        }
        return value;
    }

    private static JsonNode readObject(byte[] payload, ObjectMapper json) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A value as its JSON text says it: strings without quotes, numbers and booleans as written. */
    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String sortedList(JsonNode values) {
        if (!values.isArray()) {
            return text(values);
        }
        return String.join(
                ",",
                StreamSupport.stream(values.spliterator(), false)
                        .map(LeafRecord::text)
                        .sorted()
                        .toList());
    }

    private static String sha256(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(Merkle.sha256().digest(bytes));
    }
}
