package coaching.ledger.platform.testing;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event appended in a JDBC transaction that stays open until {@link #commit()}: it has taken its
 * global index, so events appended meanwhile come after it, but nobody else sees it yet. This is a
 * late commit (a slow or stalled writer), exactly as the event store's readers meet it.
 */
public final class HeldAppend implements AutoCloseable {

    private final Connection connection;
    private final String eventId = UUID.randomUUID().toString();
    private final long globalIndex;

    public HeldAppend(
            DataSource dataSource,
            Serializer serializer,
            String aggregateId,
            long sequence,
            Object payload,
            Map<String, ?> metaData)
            throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(MetaData.from(metaData), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData)"
                + " VALUES (?, ?, ?, 'Engagement', ?, ?, ?, ?, ?)")) {
            insert.setString(1, eventId);
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, data.getType().getName());
            insert.setString(6, data.getType().getRevision());
            insert.setBytes(7, data.getData());
            insert.setBytes(8, meta.getData());
            insert.executeUpdate();
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                globalIndex = row.getLong(1);
            }
        }
    }

    public String eventId() {
        return eventId;
    }

    public long globalIndex() {
        return globalIndex;
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    /** Rolls back what was not committed and returns the connection. */
    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
