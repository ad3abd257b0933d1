package coaching.ledger.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of Axon's event table exactly as stored: the bytes the hash chain is computed over. */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {

    /** The columns {@link #read(ResultSet)} expects, in Axon's default event schema. */
    public static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "timeStamp, payloadType, payloadRevision, payload, metaData";

    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getLong("globalIndex"),
                row.getString("eventIdentifier"),
                row.getString("aggregateIdentifier"),
                row.getLong("sequenceNumber"),
                row.getString("type"),
                row.getString("timeStamp"),
                row.getString("payloadType"),
                row.getString("payloadRevision"),
                row.getBytes("payload"),
                row.getBytes("metaData"));
    }

    /** The payload's simple type name, e.g. {@code UpdateShared}. */
    public String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
