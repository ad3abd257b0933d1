package coaching.ledger.command.coaches;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
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
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A coach of HR's vetted pool. The same HR person registering the same coach again with the same
 * content is a no-op; other content, or another HR person, is a conflict. The registration is
 * remembered by a keyed fingerprint of who registered which event (revision 2).
 */
@Aggregate
@Revision("2")
public class Coach {

    @AggregateIdentifier
    private String streamId;
    private String coachId;
    private String registrationFingerprint;

    protected Coach() {
        // rebuilt from events by Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RegisterCoach command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = Actor.from(metaData);
        if (!actor.is(Role.HR)) {
            throw Rejection.forbidden("role " + actor.role() + " may not register coaches");
        }
        CoachRegistered registered = new CoachRegistered(command.coachId(), command.displayName(),
                command.certifications(), command.yearsExperience(), command.specialties());
        if (streamId != null) {
            if (!registrationFingerprint.equals(fingerprint(fingerprints, actor.id(), registered))) {
                throw Rejection.conflict("coach " + command.coachId()
                        + " is already registered; an id is used once, by one principal, with one content");
            }
            return Receipt.repeated(coachId, 0);
        }
        apply(registered);
        return Receipt.recorded(command.coachId(), 0);
    }

    @EventSourcingHandler
    void on(CoachRegistered event, @MetaDataValue(Actor.ACTOR_ID) String actorId, Fingerprints fingerprints) {
        streamId = CoachStream.of(event.coachId());
        coachId = event.coachId();
        registrationFingerprint = fingerprint(fingerprints, actorId, event);
    }

    /** The event does not say which HR person registered the coach; its metadata does. */
    private static String fingerprint(Fingerprints fingerprints, String actorId, CoachRegistered event) {
        return fingerprints.of(actorId, event);
    }
}
