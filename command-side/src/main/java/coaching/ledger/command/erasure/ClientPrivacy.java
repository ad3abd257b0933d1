package coaching.ledger.command.erasure;

import coaching.ledger.command.receipts.Recorded;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.ClientDataReauthorised;
import coaching.ledger.kernel.erasure.ClientStream;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.EraseClientData;
import coaching.ledger.kernel.erasure.ErasureConflict;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.ReauthoriseClientData;
import coaching.ledger.kernel.erasure.RecordRecipientNotified;
import coaching.ledger.platform.sealing.ClientDataKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A client's privacy record, on the stream {@code client:<clientId>}: its erasures, the notifications
 * they made due and were recorded as given, and its re-authorisations. Compliance only.
 *
 * <p>Each command may be the client's first, so each creates the record if it is missing; a refused
 * command records nothing, and a record without events is never stored.
 *
 * <p>A repeat (the same id with the same reason) answers what its original recorded; the same id with
 * another reason is a conflict, as is erasing an erased client under another id.
 */
@Aggregate
public class ClientPrivacy {

    @AggregateIdentifier
    private String streamId;

    /** The erasure in force, or null while the client's data is not erased. */
    private String erasureInForce;

    private final Map<String, Erasure> erasures = new HashMap<>();
    private final Map<String, ErasureRecipientNotified> notified = new HashMap<>();
    private final Map<String, ClientDataReauthorised> reauthorisations = new HashMap<>();

    protected ClientPrivacy() {
        // rebuilt from events by Axon
    }

    /**
     * The key is destroyed first: that waits for every transaction holding the client against erasure
     * (an engagement being opened, a hold being placed), so the engagements read next include theirs. A
     * refusal after it rolls the destruction back with the rest of the command's transaction.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Answer<Erasure> handle(
            EraseClientData command, MetaData metaData, ClientEngagements clientEngagements, ClientDataKeys keys) {
        Actor actor = requireCompliance(metaData);
        String clientId = command.clientId();
        Erasure earlier = erasures.get(command.erasureId());
        if (earlier != null) {
            if (!earlier.erased().reason().equals(command.reason())) {
                throw idUsedOnce("erasure " + command.erasureId() + " was recorded with another reason");
            }
            return new Answer<>(earlier, true);
        }
        if (erasureInForce != null) {
            throw Rejection.conflict(
                    "the data of client " + clientId + " was already erased by erasure " + erasureInForce,
                    ErasureConflict.CLIENT_DATA_ERASED);
        }
        keys.erase(clientId, command.erasureId());
        List<EngagementHistory> engagements = clientEngagements.of(clientId);
        if (engagements.isEmpty()) {
            throw Rejection.notFound("no such client: " + clientId);
        }
        requireNone(engagements, history -> !history.closed(), "not closed", ErasureConflict.ENGAGEMENT_NOT_CLOSED);
        requireNone(
                engagements,
                history -> !history.legalHolds().isEmpty(),
                "under a legal hold",
                ErasureConflict.LEGAL_HOLD);

        List<ErasureNotificationDue> notifications = notificationsOf(clientId, command.erasureId(), engagements);
        AggregateLifecycle.apply(new ClientDataErased(
                clientId,
                command.erasureId(),
                command.reason(),
                actor.id(),
                now(),
                engagements.stream().map(EngagementHistory::engagementId).toList(),
                notifications.size(),
                engagements.stream()
                        .mapToInt(EngagementHistory::legacyPlaintextFields)
                        .sum()));
        notifications.forEach(AggregateLifecycle::apply);
        return new Answer<>(erasures.get(command.erasureId()), false);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Answer<ErasureRecipientNotified> handle(RecordRecipientNotified command, MetaData metaData) {
        Actor actor = requireCompliance(metaData);
        Erasure erasure = erasures.get(command.erasureId());
        if (erasure == null) {
            throw Rejection.notFound("no erasure " + command.erasureId() + " of client " + command.clientId());
        }
        if (!erasure.isDue(command.recipientId())) {
            throw Rejection.notFound(
                    "recipient " + command.recipientId() + " is due no notification of erasure " + command.erasureId());
        }
        ErasureRecipientNotified earlier = notified.get(notificationKey(command.erasureId(), command.recipientId()));
        if (earlier != null) {
            return new Answer<>(earlier, true);
        }
        ErasureRecipientNotified notification = new ErasureRecipientNotified(
                command.clientId(), command.erasureId(), command.recipientId(), actor.id(), now());
        AggregateLifecycle.apply(notification);
        return new Answer<>(notification, false);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Answer<ClientDataReauthorised> handle(
            ReauthoriseClientData command, MetaData metaData, ClientDataKeys keys) {
        Actor actor = requireCompliance(metaData);
        ClientDataReauthorised earlier = reauthorisations.get(command.reauthorisationId());
        if (earlier != null) {
            if (!earlier.reason().equals(command.reason())) {
                throw Recorded.usedOnce(
                        "re-authorisation " + command.reauthorisationId() + " was recorded with another reason");
            }
            return new Answer<>(earlier, true);
        }
        if (erasureInForce == null) {
            throw Rejection.conflict(
                    "the data of client " + command.clientId() + " is not erased: there is nothing to re-authorise");
        }
        keys.reauthorise(command.clientId());
        ClientDataReauthorised reauthorised = new ClientDataReauthorised(
                command.clientId(), command.reauthorisationId(), command.reason(), actor.id(), now());
        AggregateLifecycle.apply(reauthorised);
        return new Answer<>(reauthorised, false);
    }

    // --- state, changed by recorded events only -------------------------------------------------

    @EventSourcingHandler
    void on(ClientDataErased event) {
        streamId = ClientStream.of(event.clientId());
        erasureInForce = event.erasureId();
        erasures.put(event.erasureId(), new Erasure(event, List.of()));
    }

    @EventSourcingHandler
    void on(ErasureNotificationDue event) {
        erasures.computeIfPresent(event.erasureId(), (id, erasure) -> erasure.with(event));
    }

    @EventSourcingHandler
    void on(ErasureRecipientNotified event) {
        notified.put(notificationKey(event.erasureId(), event.recipientId()), event);
    }

    @EventSourcingHandler
    void on(ClientDataReauthorised event) {
        streamId = ClientStream.of(event.clientId());
        erasureInForce = null;
        reauthorisations.put(event.reauthorisationId(), event);
    }

    // --- rules ----------------------------------------------------------------------------------

    private static Actor requireCompliance(MetaData metaData) {
        Actor actor = Actor.from(metaData);
        if (!actor.is(Role.COMPLIANCE)) {
            throw Rejection.forbidden("role " + actor.role() + " may not do this");
        }
        return actor;
    }

    /** Refuses the erasure, naming every engagement {@code blocking} finds. */
    private static void requireNone(
            List<EngagementHistory> engagements,
            Predicate<EngagementHistory> blocking,
            String what,
            ErasureConflict reason) {
        List<String> blocked = engagements.stream()
                .filter(blocking)
                .map(EngagementHistory::engagementId)
                .toList();
        if (!blocked.isEmpty()) {
            throw Rejection.conflict(
                    "engagements of the client are " + what + ": " + String.join(", ", blocked), reason);
        }
    }

    /** GDPR Art. 19: one notification per recipient, listing every update disclosed to it, in order. */
    private static List<ErasureNotificationDue> notificationsOf(
            String clientId, String erasureId, List<EngagementHistory> engagements) {
        Map<String, ErasureNotificationDue> byRecipient = new LinkedHashMap<>();
        for (EngagementHistory engagement : engagements) {
            for (EngagementHistory.Disclosure disclosure : engagement.disclosures()) {
                byRecipient.merge(
                        disclosure.recipientId(),
                        new ErasureNotificationDue(
                                clientId,
                                erasureId,
                                disclosure.recipientId(),
                                disclosure.recipientRole(),
                                List.of(disclosure.update())),
                        (due, more) -> new ErasureNotificationDue(
                                clientId, erasureId, due.recipientId(), due.recipientRole(), concat(due, more)));
            }
        }
        return List.copyOf(byRecipient.values());
    }

    private static List<DisclosedUpdate> concat(ErasureNotificationDue due, ErasureNotificationDue more) {
        List<DisclosedUpdate> updates = new ArrayList<>(due.updates());
        updates.addAll(more.updates());
        return List.copyOf(updates);
    }

    private static Rejection idUsedOnce(String conflict) {
        return Rejection.conflict(conflict + Recorded.USED_ONCE, ErasureConflict.CLIENT_DATA_ERASED);
    }

    private static String notificationKey(String erasureId, String recipientId) {
        return erasureId + "/" + recipientId;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
