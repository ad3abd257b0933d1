package coaching.ledger.command.coaches;

import coaching.ledger.kernel.coaches.CoachStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A coach is registered when its stream exists in the event store: no separate lookup table that
 * could drift from the events, and it works the same on JDBC and on Axon Server.
 */
@Component
class EventStoreCoachRegistry implements CoachRegistry {

    private final EventStore eventStore;

    EventStoreCoachRegistry(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isRegistered(String coachId) {
        return eventStore.lastSequenceNumberFor(CoachStream.of(coachId)).isPresent();
    }
}
