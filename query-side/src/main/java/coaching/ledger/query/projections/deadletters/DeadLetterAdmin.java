package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.Views;
import coaching.ledger.query.rows.Failures;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A view's parked events: how many, which, and applying them again once their cause is fixed.
 * Every query instance answers for every view: the queue is in the database, and retrying claims
 * each sequence there, so two instances never retry the same engagement at once.
 */
@Component
public class DeadLetterAdmin {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);

    private final EventProcessingConfiguration processing;

    public DeadLetterAdmin(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public long parked(String view) {
        return queue(view).size();
    }

    /** The first {@code limit} parked events, engagement by engagement, each engagement's in order. */
    public ParkedEvents list(String view, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(view);
        List<ParkedEvent> events = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (events.size() == limit) {
                    return new ParkedEvents(view, queue.size(), events);
                }
                events.add(parkedEvent(letter));
            }
        }
        return new ParkedEvents(view, queue.size(), events);
    }

    /**
     * Applies each parked engagement's events again, in order, each in its own transaction with the
     * view's own handlers. A sequence whose first event fails again stays parked, with the new cause;
     * the events after one that fails stay parked behind it.
     */
    public synchronized RetryOutcome retry(String view) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(view);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(view)
                .orElseThrow(() -> new IllegalStateException("view " + view + " parks no events"));
        List<String> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            // a sequence retried meanwhile (by another instance) reads as empty
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (letters.hasNext()) {
                sequences.add(sequenceOf(letters.next()));
            }
        }
        int cleared = 0;
        long applied = 0;
        for (String sequence : sequences) {
            long before = queue.sequenceSize(sequence);
            try {
                processor.process(letter -> sequence.equals(sequenceOf(letter)));
            } catch (RuntimeException e) {
                // the letters stay as they were; the database's message may quote confidential values
                log.warn("view {}: retrying parked sequence {} failed: {}", view, sequence, Failures.describe(e));
            }
            long after = queue.sequenceSize(sequence);
            applied += Math.max(0, before - after);
            if (after == 0) {
                cleared++;
            }
        }
        RetryOutcome outcome = new RetryOutcome(view, sequences.size(), cleared, applied, queue.size());
        log.info(
                "view {}: retried {} parked sequences, {} cleared, {} events applied, {} still parked",
                view,
                outcome.sequences(),
                outcome.sequencesCleared(),
                outcome.eventsApplied(),
                outcome.stillParked());
        return outcome;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String view) {
        Views.requireKnown(view);
        return processing
                .deadLetterQueue(view)
                .orElseThrow(() -> new IllegalStateException("view " + view + " has no dead-letter queue"));
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return ((JdbcDeadLetter<?>) letter).getSequenceIdentifier();
    }

    private static ParkedEvent parkedEvent(DeadLetter<? extends EventMessage<?>> letter) {
        JdbcDeadLetter<?> stored = (JdbcDeadLetter<?>) letter;
        EventMessage<?> event = letter.message();
        Long globalIndex = event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null)
                : null;
        Long version = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new ParkedEvent(
                stored.getSequenceIdentifier(),
                stored.getSequenceIndex(),
                event.getPayloadType().getSimpleName(),
                event.getIdentifier(),
                globalIndex,
                version,
                letter.enqueuedAt(),
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null));
    }
}
