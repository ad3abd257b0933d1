package coaching.ledger.platform.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fills {@code engagement_client} for the engagements opened before the table existed, from their
 * {@code EngagementOpened} events (serialized as JSON, which names {@code engagementId} and
 * {@code clientId}). Flyway runs it once per database, after V7 created the table; engagements opened
 * later are written by the command that opens them. One subclass per vendor folder, where Flyway finds it.
 */
public abstract class EngagementClientBackfill extends BaseJavaMigration {

    static final String ENGAGEMENT_OPENED = "coaching.ledger.kernel.selection.EngagementOpened";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        Connection connection = context.getConnection();
        try (PreparedStatement opened =
                        connection.prepareStatement("SELECT payload FROM DomainEventEntry WHERE payloadType = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO engagement_client (engagement_id, client_id) VALUES (?, ?)")) {
            opened.setString(1, ENGAGEMENT_OPENED);
            try (ResultSet rows = opened.executeQuery()) {
                while (rows.next()) {
                    JsonNode event = JSON.readTree(rows.getBytes(1));
                    insert.setString(1, event.get("engagementId").asText());
                    insert.setString(2, event.get("clientId").asText());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
