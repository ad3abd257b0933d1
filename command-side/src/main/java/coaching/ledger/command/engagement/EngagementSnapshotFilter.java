package coaching.ledger.command.engagement;

import coaching.ledger.platform.fingerprint.Fingerprints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;

import java.io.IOException;

/**
 * Trusts an engagement snapshot only if it has the engagement's current state shape (its
 * {@link Revision}) and its fingerprints were made under the current fingerprint key. Any other
 * snapshot is ignored and the engagement is rebuilt from its events, which recomputes every
 * fingerprint under the current key: after a key change a repeat is still recognised as one.
 * Declaring a filter replaces Axon's own revision filter, so this one checks the revision too.
 */
public final class EngagementSnapshotFilter implements SnapshotFilter {

    private static final String REVISION =
            Engagement.class.getAnnotation(Revision.class).value();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChainingConverter converter = new ChainingConverter();
    private final String keyId;

    public EngagementSnapshotFilter(Fingerprints fingerprints) {
        this.keyId = fingerprints.keyId();
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        SerializedObject<?> payload = snapshot.getPayload();
        if (!Engagement.class.getName().equals(payload.getType().getName())) {
            return true; // Axon applies every aggregate's filter to every snapshot: others are not ours to judge
        }
        return REVISION.equals(payload.getType().getRevision()) && keyId.equals(keyIdOf(payload));
    }

    private String keyIdOf(SerializedObject<?> payload) {
        try {
            JsonNode state =
                    JSON.readTree(converter.convert(payload.getData(), payload.getContentType(), byte[].class));
            JsonNode keyId = state.get(Engagement.FINGERPRINT_KEY_ID);
            return keyId == null ? null : keyId.asText();
        } catch (IOException | RuntimeException unreadable) {
            return null; // a snapshot that cannot be read is not trusted either
        }
    }
}
