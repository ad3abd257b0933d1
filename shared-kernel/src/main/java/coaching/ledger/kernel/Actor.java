package coaching.ledger.kernel;

import java.util.Map;
import java.util.Objects;

/**
 * The authenticated principal behind a message. It travels in message metadata (never in a request
 * body), so every event records who caused it.
 */
public record Actor(String id, Role role) {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CORRELATION_ID = "correlationId";

    public Actor {
        Objects.requireNonNull(id, "actor id");
        Objects.requireNonNull(role, "actor role");
    }

    /** The actor named by message metadata; fails when a message was dispatched without one. */
    public static Actor from(Map<String, ?> metaData) {
        Object id = metaData.get(ACTOR_ID);
        Object role = metaData.get(ACTOR_ROLE);
        if (id == null || role == null) {
            throw new IllegalStateException("message carries no actor metadata");
        }
        return new Actor(id.toString(), Role.valueOf(role.toString()));
    }

    public Map<String, String> asMetaData() {
        return Map.of(ACTOR_ID, id, ACTOR_ROLE, role.name());
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
