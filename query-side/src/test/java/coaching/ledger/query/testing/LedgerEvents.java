package coaching.ledger.query.testing;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.CoachStream;
import coaching.ledger.kernel.erasure.ClientStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Domain event messages as the command side records them: aggregate type, identifier and the next
 * sequence number of that aggregate, and the actor and correlation id in the metadata.
 */
public final class LedgerEvents {

    static final String ENGAGEMENT = "Engagement";
    static final String COACH = "Coach";
    static final String CLIENT = "ClientData";

    private final Map<String, List<Object>> recorded = new HashMap<>();

    public DomainEventMessage<?> engagement(String engagementId, Step step) {
        return message(ENGAGEMENT, engagementId, step);
    }

    public DomainEventMessage<?> coach(Actor registeredBy, CoachRegistered event) {
        return message(COACH, CoachStream.of(event.coachId()), Step.of(registeredBy, event));
    }

    public DomainEventMessage<?> client(String clientId, Step step) {
        return message(CLIENT, ClientStream.of(clientId), step);
    }

    /** The version the view shows of the aggregate once it applied every event recorded so far. */
    public long versionIn(String aggregateId, ViewVersion view) {
        return view.after(recorded.get(aggregateId));
    }

    private DomainEventMessage<?> message(String type, String aggregateId, Step step) {
        List<Object> events = recorded.computeIfAbsent(aggregateId, id -> new ArrayList<>());
        long sequence = events.size();
        events.add(step.event());
        MetaData metaData = MetaData.from(step.actor().asMetaData())
                .and(Actor.CORRELATION_ID, UUID.randomUUID().toString());
        return new GenericDomainEventMessage<>(
                type, aggregateId, sequence, step.event(), metaData, step.eventId(), Instant.now());
    }
}
