package coaching.ledger.command.engagement;

import coaching.ledger.command.closure.Closure;
import coaching.ledger.command.coaches.CoachRegistry;
import coaching.ledger.command.consent.Consents;
import coaching.ledger.command.disclosure.Disclosures;
import coaching.ledger.command.erasure.ClientEngagements;
import coaching.ledger.command.legalhold.LegalHolds;
import coaching.ledger.command.lifecycle.Status;
import coaching.ledger.command.receipts.Decision;
import coaching.ledger.command.selection.Selection;
import coaching.ledger.command.sessions.SessionLog;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.GrantUpdateConsent;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.kernel.erasure.PlaceLegalHold;
import coaching.ledger.kernel.erasure.ReleaseLegalHold;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.kernel.selection.ApproveBudget;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.OpenEngagement;
import coaching.ledger.kernel.selection.SelectCoach;
import coaching.ledger.kernel.selection.ShortlistCoaches;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.fingerprint.Fingerprints;
import coaching.ledger.platform.sealing.ClientDataKeys;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

/**
 * One coaching engagement: the one aggregate every capability's rules run in, so consent is checked
 * in the engagement's own event order and a disclosure can never race a revocation. It decides
 * nothing itself: each command handler resolves the actor, asks its capability's rule (a package of
 * its own: selection, sessions, consent, disclosure, closure) and applies what the rule decided; each
 * event-sourcing handler hands its event to the state of the capability it belongs to.
 *
 * <p>Relationships: a principal unrelated to the engagement gets 404 (it may not know the
 * engagement exists); a party acting outside its rights gets 403, judged before anything else, so
 * it learns nothing about the ids or contents others have recorded.
 *
 * <p>Receipts answer the actor's own version ({@link PartyVersions}). A repeat is the same id, the
 * same content and the same actor, and answers the version its original receipt answered; the same
 * id used with other content or by another principal is 409 with a message that does not depend on
 * the content. Content is remembered only as keyed {@link Fingerprints}, each derived by its
 * capability in one place from the event it fingerprints, the would-be event and the stored one alike.
 *
 * <p>Confidential text (notes, update content, request message, revocation reason, satisfaction
 * comment, closure reason) is recorded only sealed under the key of the engagement's client: each
 * decision builds its event and seals it with the event's own {@code sealed}, so the event a retry
 * would record is sealed exactly like the stored one (the {@link TextSealer} is deterministic).
 *
 * <p>Revision 4: each capability's state in a field of its own, legal holds included. Snapshots of earlier revisions are
 * ignored (the engagement is rebuilt from its events), and so are snapshots whose fingerprints were
 * made under another key ({@link #fingerprintKeyId}).
 */
@Aggregate(
        snapshotTriggerDefinition = "engagementSnapshotTrigger",
        cache = "engagementCache",
        snapshotFilter = "engagementSnapshotFilter")
@Revision("4")
public class Engagement {

    /** The state field naming the fingerprint key; read by the snapshot filter. */
    public static final String FINGERPRINT_KEY_ID = "fingerprintKeyId";

    @AggregateIdentifier
    private String engagementId;

    private String fingerprintKeyId;
    private final PartyVersions versions = new PartyVersions();
    private final Selection selection = new Selection();
    private final SessionLog sessions = new SessionLog();
    private final Consents consents = new Consents();
    private final Disclosures disclosures = new Disclosures();
    private final Closure closure = new Closure();
    private final LegalHolds legalHolds = new LegalHolds();

    protected Engagement() {
        // rebuilt from events (or a snapshot) by Axon
    }

    // --- selection -------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(
            OpenEngagement command, MetaData metaData, Fingerprints fingerprints, ClientEngagements clientEngagements) {
        Actor actor = requireRole(metaData, Role.HR);
        Decision decision = selection.open(command, actor, fingerprints);
        if (decision instanceof Decision.Apply) {
            clientEngagements.enrol(command.engagementId(), command.clientId());
        }
        return carryOut(decision, actor);
    }

    @CommandHandler
    public Receipt handle(
            ShortlistCoaches command, MetaData metaData, CoachRegistry coachRegistry, Fingerprints fingerprints) {
        Actor actor = requireRole(metaData, Role.HR);
        return carryOut(selection.shortlist(command, actor, status(), coachRegistry, fingerprints), actor);
    }

    @CommandHandler
    public Receipt handle(SelectCoach command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        return carryOut(selection.select(command, status()), actor);
    }

    @CommandHandler
    public Receipt handle(ApproveBudget command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.BOSS);
        return carryOut(selection.approve(command, status()), actor);
    }

    // --- sessions --------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(LogSession command, MetaData metaData, Fingerprints fingerprints, TextSealer sealer) {
        Actor actor = requireParty(metaData, Role.COACH);
        requireSelectedCoach(actor, "log sessions");
        return carryOut(
                sessions.log(command, actor, status(), selection.budget(), fingerprints, sealer, selection.clientId()),
                actor);
    }

    // --- consent ---------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(GrantUpdateConsent command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        return carryOut(consents.grant(command, actor, status(), now(), fingerprints), actor);
    }

    @CommandHandler
    public Receipt handle(RevokeUpdateConsent command, MetaData metaData, TextSealer sealer) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        return carryOut(consents.revoke(command, status(), sealer, selection.clientId()), actor);
    }

    // --- disclosure ------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RequestUpdate command, MetaData metaData, Fingerprints fingerprints, TextSealer sealer) {
        Actor actor = requireParty(metaData, Role.BOSS, Role.HR);
        return carryOut(
                disclosures.request(command, actor, status(), fingerprints, sealer, selection.clientId()), actor);
    }

    /**
     * A coach who is not the selected one is refused before anything else and nothing is recorded:
     * whatever the id and content, the answer is the same, so it can neither probe what was shared
     * nor take an id.
     */
    @CommandHandler
    public Receipt handle(ShareUpdate command, MetaData metaData, Fingerprints fingerprints, TextSealer sealer) {
        Actor actor = requireParty(metaData, Role.COACH, Role.CLIENT);
        if (actor.is(Role.COACH)) {
            requireSelectedCoach(actor, "share updates");
        }
        String recipientId = command.audience() == Audience.BOSS ? selection.bossId() : selection.hrId();
        return carryOut(
                disclosures.share(
                        command,
                        actor,
                        status(),
                        consents,
                        now(),
                        recipientId,
                        fingerprints,
                        sealer,
                        selection.clientId()),
                actor);
    }

    // --- closure ---------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RecordSatisfaction command, MetaData metaData, Fingerprints fingerprints, TextSealer sealer) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        return carryOut(
                closure.rate(command, status(), selection.hasBeenActive(), fingerprints, sealer, selection.clientId()),
                actor);
    }

    @CommandHandler
    public Receipt handle(CloseEngagement command, MetaData metaData, Fingerprints fingerprints, TextSealer sealer) {
        Actor actor = requireParty(metaData, Role.HR, Role.BOSS);
        return carryOut(
                closure.close(command, actor, consents.inForceAt(now()), fingerprints, sealer, selection.clientId()),
                actor);
    }

    // --- legal holds: compliance, who is no party ------------------------------------------

    /**
     * Placing a hold holds the client against erasure in this command's transaction: an erasure racing
     * it waits, then finds the hold. No hold is placed for an erased client (409 CLIENT_DATA_ERASED).
     */
    @CommandHandler
    public Receipt handle(PlaceLegalHold command, MetaData metaData, ClientDataKeys keys) {
        Actor actor = requireRole(metaData, Role.COMPLIANCE);
        Decision decision = legalHolds.place(command, actor, now());
        if (decision instanceof Decision.Apply) {
            keys.holdAgainstErasure(selection.clientId());
        }
        return decision.carryOut(AggregateLifecycle::apply, () -> LegalHolds.NO_VERSION);
    }

    @CommandHandler
    public Receipt handle(ReleaseLegalHold command, MetaData metaData) {
        Actor actor = requireRole(metaData, Role.COMPLIANCE);
        return legalHolds
                .release(command, actor, now())
                .carryOut(AggregateLifecycle::apply, () -> LegalHolds.NO_VERSION);
    }

    // --- event sourcing: every handler counts its event into the party versions first -------

    @EventSourcingHandler
    void on(EngagementOpened event, Fingerprints fingerprints) {
        versions.count(event);
        engagementId = event.engagementId();
        fingerprintKeyId = fingerprints.keyId();
        selection.on(event, versions.of(PartyView.HR), fingerprints);
    }

    @EventSourcingHandler
    void on(CoachesShortlisted event, @MetaDataValue(Actor.ACTOR_ID) String actorId, Fingerprints fingerprints) {
        versions.count(event);
        selection.on(event, actorId, versions.of(PartyView.HR), fingerprints);
    }

    @EventSourcingHandler
    void on(CoachSelected event) {
        versions.count(event);
        selection.on(event, versions.of(PartyView.CLIENT));
    }

    @EventSourcingHandler
    void on(BudgetApproved event) {
        versions.count(event);
        selection.on(event, versions.of(PartyView.BOSS));
    }

    @EventSourcingHandler
    void on(SessionLogged event, Fingerprints fingerprints) {
        versions.count(event);
        sessions.on(event, versions.of(PartyView.COACH), fingerprints);
    }

    @EventSourcingHandler
    void on(
            UpdateConsentGranted event,
            @MessageIdentifier String eventId,
            @SequenceNumber long sequence,
            Fingerprints fingerprints) {
        versions.count(event);
        consents.on(event, eventId, sequence, versions.of(PartyView.CLIENT), fingerprints);
    }

    @EventSourcingHandler
    void on(UpdateConsentRevoked event) {
        versions.count(event);
        consents.on(event, versions.of(PartyView.CLIENT));
    }

    @EventSourcingHandler
    void on(UpdateRequested event, Fingerprints fingerprints) {
        versions.count(event);
        PartyView requester = event.audience() == Audience.BOSS ? PartyView.BOSS : PartyView.HR;
        disclosures.on(event, versions.of(requester), fingerprints);
    }

    @EventSourcingHandler
    void on(UpdateShared event, Fingerprints fingerprints) {
        versions.count(event);
        disclosures.on(event, versions.of(sharerView(event.sharedBy())), fingerprints);
    }

    @EventSourcingHandler
    void on(DisclosureRefused event, Fingerprints fingerprints) {
        versions.count(event);
        disclosures.on(event, versions.of(sharerView(event.actor())), fingerprints);
    }

    @EventSourcingHandler
    void on(SatisfactionRecorded event, Fingerprints fingerprints) {
        versions.count(event);
        closure.on(event, versions.of(PartyView.CLIENT), fingerprints);
    }

    @EventSourcingHandler
    void on(EngagementClosed event, Fingerprints fingerprints) {
        versions.count(event);
        PartyView closer = event.closedBy().equals(selection.bossId()) ? PartyView.BOSS : PartyView.HR;
        closure.on(event, versions.of(closer), fingerprints);
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        versions.count(event);
        legalHolds.on(event);
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        versions.count(event);
        legalHolds.on(event);
    }

    private PartyView sharerView(String sharedBy) {
        return sharedBy.equals(selection.clientId()) ? PartyView.CLIENT : PartyView.COACH;
    }

    // --- who acts, where the engagement stands, and carrying a decision out -------------------

    private Status status() {
        return closure.isClosed() ? Status.CLOSED : selection.status();
    }

    private static Actor requireRole(MetaData metaData, Role... allowed) {
        Actor actor = Actor.from(metaData);
        for (Role role : allowed) {
            if (actor.is(role)) {
                return actor;
            }
        }
        throw Rejection.forbidden("role " + actor.role() + " may not do this");
    }

    /** The actor in one of the allowed roles and related to this engagement (HR always is). */
    private Actor requireParty(MetaData metaData, Role... allowed) {
        Actor actor = requireRole(metaData, allowed);
        boolean related = switch (actor.role()) {
            case HR -> true;
            case CLIENT -> actor.id().equals(selection.clientId());
            case BOSS -> actor.id().equals(selection.bossId());
            case COACH -> selection.isShortlisted(actor.id());
            default -> false;
        };
        if (!related) {
            throw Rejection.notFound("no such engagement: " + engagementId);
        }
        return actor;
    }

    /** The same answer for every id and content, before any is looked at: nothing to learn from it. */
    private void requireSelectedCoach(Actor coach, String what) {
        if (!selection.isSelected(coach.id())) {
            throw Rejection.forbidden(
                    "only the selected coach of " + engagementId + " may " + what + "; nothing was recorded",
                    RefusalReason.NOT_SELECTED_COACH);
        }
    }

    /** Applies what was decided (its event-sourcing handler runs at once) and answers the actor's receipt. */
    private Receipt carryOut(Decision decision, Actor actor) {
        return decision.carryOut(AggregateLifecycle::apply, () -> versionOf(actor));
    }

    /** The actor's version after what the command applied. */
    private long versionOf(Actor actor) {
        return versions.of(PartyView.of(actor.role())
                .orElseThrow(() -> new IllegalStateException("role " + actor.role() + " is no party")));
    }

    /** The moment a command is judged at; the same clock stamps the events it records. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
