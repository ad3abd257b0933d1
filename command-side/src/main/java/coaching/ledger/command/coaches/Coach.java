package coaching.ledger.command.coaches;

import coaching.ledger.command.engagement.Fingerprint;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.CoachStream;
import coaching.ledger.kernel.coaches.RegisterCoach;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A coach of HR's vetted pool. Registering the same coach again with the same content is a no-op. */
@Aggregate
@Revision("1")
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
    public Receipt handle(RegisterCoach command, MetaData metaData) {
        Actor actor = Actor.from(metaData);
        if (!actor.is(Role.HR)) {
            throw Rejection.forbidden("role " + actor.role() + " may not register coaches");
        }
        String fingerprint = Fingerprint.of(command.displayName(), command.certifications(), command.yearsExperience(),
                command.specialties());
        if (streamId != null) {
            if (!fingerprint.equals(registrationFingerprint)) {
                throw Rejection.conflict("coach " + command.coachId() + " is already registered with other content");
            }
            return Receipt.repeated(coachId, 0);
        }
        apply(new CoachRegistered(command.coachId(), command.displayName(), command.certifications(),
                command.yearsExperience(), command.specialties()));
        return Receipt.recorded(command.coachId(), 0);
    }

    @EventSourcingHandler
    void on(CoachRegistered event) {
        streamId = CoachStream.of(event.coachId());
        coachId = event.coachId();
        registrationFingerprint = Fingerprint.of(event.displayName(), event.certifications(), event.yearsExperience(),
                event.specialties());
    }
}
