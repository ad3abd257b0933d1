package coaching.ledger.bench;

import coaching.ledger.kernel.Actor;
import coaching.ledger.platform.axon.AxonInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;

/**
 * Events exactly as the ledger stores them: payload and metadata serialized by Axon's
 * JacksonSerializer with the ledger's own ObjectMapper (AxonInfrastructure), revision from
 * {@code @Revision}.
 */
final class StoredForm {

    static final ObjectMapper MAPPER = new AxonInfrastructure().defaultAxonObjectMapper();
    static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(MAPPER).build();

    private StoredForm() {}

    record Serialized(byte[] bytes, String type, String revision) {}

    static Serialized payload(Object event) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(event, byte[].class);
        return new Serialized(
                serialized.getData(),
                serialized.getType().getName(),
                serialized.getType().getRevision());
    }

    static byte[] metaData(String actorId, String actorRole, String correlationId) {
        MetaData metaData = MetaData.from(
                Map.of(Actor.CORRELATION_ID, correlationId, Actor.ACTOR_ID, actorId, Actor.ACTOR_ROLE, actorRole));
        return SERIALIZER.serialize(metaData, byte[].class).getData();
    }
}
