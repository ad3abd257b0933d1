package coaching.ledger.command.coaches;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.CoachStream;
import coaching.ledger.kernel.coaches.RegisterCoach;
import coaching.ledger.platform.fingerprint.Fingerprints;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A coach of HR's vetted pool, registered as {@link Registration} decides. The registration is
 * remembered by a keyed fingerprint of who registered which event (revision 2).
 */
@Aggregate
@Revision("2")
public class Coach {

    @AggregateIdentifier
    private String streamId;

    private String registrationFingerprint;

    protected Coach() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RegisterCoach command, MetaData metaData, Fingerprints fingerprints) {
        return Registration.register(command, Actor.from(metaData), registrationFingerprint, fingerprints)
                .carryOut(AggregateLifecycle::apply, () -> 0);
    }

    @EventSourcingHandler
    void on(CoachRegistered event, @MetaDataValue(Actor.ACTOR_ID) String actorId, Fingerprints fingerprints) {
        streamId = CoachStream.of(event.coachId());
        registrationFingerprint = Registration.fingerprintOf(fingerprints, actorId, event);
    }
}
