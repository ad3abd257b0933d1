package coaching.ledger.command.engagement;

import coaching.ledger.command.coaches.CoachRegistry;
import coaching.ledger.command.consent.ConsentRecord;
import coaching.ledger.command.consent.Consents;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One coaching engagement and every rule of API.md. Each handler validates first and records last;
 * state changes only in the event-sourcing handlers. Consent is checked here, in the engagement's
 * own event order, so a disclosure can never race a revocation.
 *
 * <p>Relationships: a principal unrelated to the engagement gets 404 (it may not know the
 * engagement exists); a party acting outside its rights gets 403, judged before anything else, so
 * it learns nothing about the ids or contents others have recorded.
 *
 * <p>Receipts answer the actor's own version ({@link PartyVersions}). A repeat is the same id, the
 * same content and the same actor, and answers the version its original receipt answered; the same
 * id used with other content or by another principal is 409 with a message that does not depend on
 * the content. Content is remembered only as keyed {@link Fingerprints}, each derived in one place
 * from the event it fingerprints, for the command handler's would-be event and the stored one alike.
 *
 * <p>Revision 2: per-party versions, remembered receipt versions, actor-bound keyed fingerprints.
 * Snapshots of revision 1 are ignored (the engagement is rebuilt from its events), and so are
 * snapshots whose fingerprints were made under another key ({@link #fingerprintKeyId}).
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger", cache = "engagementCache",
        snapshotFilter = "engagementSnapshotFilter")
@Revision("2")
public class Engagement {

    /** Ends every conflict over a used id; nothing in such a message depends on the content tried. */
    private static final String USED_ONCE = "; an id is used once, by one principal, with one content";

    /** The state field naming the fingerprint key; read by the snapshot filter. */
    public static final String FINGERPRINT_KEY_ID = "fingerprintKeyId";

    @AggregateIdentifier
    private String engagementId;
    private String fingerprintKeyId;
    private final PartyVersions versions = new PartyVersions();
    private String clientId;
    private String bossId;
    private String hrId;
    private Recorded opening;
    private List<String> shortlist = List.of();
    private Recorded shortlisting;
    private String selectedCoachId;
    private long selectionVersion;
    private BudgetApproved budget;
    private long budgetVersion;
    private Outcome closedAs;
    private Recorded closure;
    private Recorded latestSatisfaction;
    private final Map<String, Recorded> sessions = new HashMap<>();
    private final Map<String, Recorded> requests = new HashMap<>();
    private final Map<String, UpdateRecord> updates = new HashMap<>();
    private final Consents consents = new Consents();

    protected Engagement() {
        // rebuilt from events (or a snapshot) by Axon
    }

    // --- selection -------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(OpenEngagement command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireRole(metaData, Role.HR);
        EngagementOpened opened = new EngagementOpened(command.engagementId(), command.clientId(), command.bossId(),
                actor.id(), command.purpose(), command.urgency());
        if (engagementId != null) {
            return repeatOrConflict(opening, fingerprints.of(opened), command.engagementId(),
                    "engagement " + command.engagementId() + " already exists");
        }
        if (command.clientId().equals(command.bossId())) {
            throw Rejection.invalid("bossId", "must differ from clientId");
        }
        apply(opened);
        return recorded(command.engagementId(), actor);
    }

    @CommandHandler
    public Receipt handle(ShortlistCoaches command, MetaData metaData, CoachRegistry coachRegistry,
                          Fingerprints fingerprints) {
        Actor actor = requireRole(metaData, Role.HR);
        CoachesShortlisted shortlisted = new CoachesShortlisted(engagementId, List.copyOf(command.coachIds()));
        if (shortlisting != null) {
            return repeatOrConflict(shortlisting, shortlistFingerprint(fingerprints, actor.id(), shortlisted),
                    engagementId, "the engagement is already shortlisted");
        }
        requireOpen();
        if (new HashSet<>(command.coachIds()).size() != command.coachIds().size()) {
            throw Rejection.invalid("coachIds", "must not name a coach twice");
        }
        for (String coachId : command.coachIds()) {
            if (!coachRegistry.isRegistered(coachId)) {
                throw Rejection.notFound("coach " + coachId + " is not registered");
            }
        }
        apply(shortlisted);
        return recorded(engagementId, actor);
    }

    @CommandHandler
    public Receipt handle(SelectCoach command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.CLIENT); // the one client: a repeat is always hers
        if (selectedCoachId != null) {
            if (!selectedCoachId.equals(command.coachId())) {
                throw Rejection.conflict("coach " + selectedCoachId + " is already selected");
            }
            return Receipt.repeated(engagementId, selectionVersion);
        }
        requireOpen();
        if (shortlist.isEmpty()) {
            throw Rejection.conflict("no coaches are shortlisted yet");
        }
        if (!shortlist.contains(command.coachId())) {
            throw Rejection.conflict("coach " + command.coachId() + " is not on the shortlist");
        }
        apply(new CoachSelected(engagementId, command.coachId()));
        return recorded(engagementId, actor);
    }

    @CommandHandler
    public Receipt handle(ApproveBudget command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.BOSS); // the one boss: a repeat is always his
        if (budget != null) {
            boolean same = budget.sessions() == command.sessions()
                    && budget.amount().compareTo(command.amount()) == 0
                    && budget.currency().equals(command.currency());
            if (!same) {
                throw Rejection.conflict("a different budget is already approved");
            }
            return Receipt.repeated(engagementId, budgetVersion);
        }
        requireOpen();
        if (shortlist.isEmpty()) {
            throw Rejection.conflict("the budget is approved once coaches are shortlisted");
        }
        apply(new BudgetApproved(engagementId, command.sessions(), command.amount(), command.currency()));
        return recorded(engagementId, actor);
    }

    // --- sessions --------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(LogSession command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.COACH);
        requireSelectedCoach(actor, "log sessions");
        SessionLogged logged = new SessionLogged(engagementId, command.sessionId(), actor.id(), command.heldOn(),
                command.durationMinutes(), command.notes());
        if (sessions.containsKey(command.sessionId())) {
            return repeatOrConflict(sessions.get(command.sessionId()), fingerprints.of(logged), command.sessionId(),
                    "session " + command.sessionId() + " is already logged");
        }
        requireActive("sessions are logged");
        if (sessions.size() >= budget.sessions()) {
            throw Rejection.conflict("budget exhausted: all " + budget.sessions() + " approved sessions are logged");
        }
        apply(logged);
        return recorded(command.sessionId(), actor);
    }

    // --- consent ---------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(GrantUpdateConsent command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        UpdateConsentGranted granted = new UpdateConsentGranted(engagementId, command.consentId(), clientId,
                command.audience(), EnumSet.copyOf(command.scopes()), command.validUntil(), command.purpose(),
                command.noticeVersion());
        Optional<ConsentRecord> existing = consents.find(command.consentId());
        if (existing.isPresent()) {
            return repeatOrConflict(existing.get().grant(), fingerprints.of(granted), command.consentId(),
                    "consent " + command.consentId() + " is already granted");
        }
        requireOpen();
        if (command.validUntil() != null && !command.validUntil().isAfter(now())) {
            throw Rejection.invalid("validUntil", "must be in the future");
        }
        apply(granted);
        return recorded(command.consentId(), actor);
    }

    @CommandHandler
    public Receipt handle(RevokeUpdateConsent command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        ConsentRecord consent = consents.find(command.consentId())
                .orElseThrow(() -> Rejection.notFound("no consent " + command.consentId() + " on this engagement"));
        if (consent.revoked()) {
            return Receipt.repeated(command.consentId(), consent.revocationVersion());
        }
        if (closure != null) {
            throw Rejection.conflict("consent " + command.consentId() + " already ended with the engagement");
        }
        apply(new UpdateConsentRevoked(engagementId, command.consentId(), command.reason()));
        return recorded(command.consentId(), actor);
    }

    // --- disclosure ------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RequestUpdate command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.BOSS, Role.HR);
        Audience audience = actor.is(Role.BOSS) ? Audience.BOSS : Audience.HR;
        UpdateRequested requested = new UpdateRequested(engagementId, command.requestId(), audience, actor.id(),
                command.scope(), command.message());
        if (requests.containsKey(command.requestId())) {
            return repeatOrConflict(requests.get(command.requestId()), fingerprints.of(requested),
                    command.requestId(), "update request " + command.requestId() + " is already made");
        }
        requireOpen();
        apply(requested);
        return recorded(command.requestId(), actor);
    }

    /**
     * Shares an update only under a consent in force at this point of the engagement's history;
     * otherwise records the attempt as {@link DisclosureRefused}, without its content. A coach who is
     * not the selected one is refused before anything else and nothing is recorded: whatever the id
     * and content, the answer is the same, so it can neither probe what was shared nor take an id.
     */
    @CommandHandler
    public Receipt handle(ShareUpdate command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.COACH, Role.CLIENT);
        if (actor.is(Role.COACH)) {
            requireSelectedCoach(actor, "share updates");
        }
        UpdateRecord earlier = updates.get(command.updateId());
        if (earlier != null) {
            if (!earlier.isRetryOf(command, actor, fingerprints)) {
                throw Rejection.conflict("update " + command.updateId() + " is already used" + USED_ONCE);
            }
            return earlier.refusal() == null ? Receipt.repeated(command.updateId(), earlier.version())
                    : Receipt.refused(command.updateId(), earlier.version(), true, earlier.refusal());
        }
        if (closure != null) {
            return refuse(command, actor, RefusalReason.ENGAGEMENT_CLOSED);
        }
        requireActive("updates are shared");
        Instant now = now();
        Consents.Authorization authorization = consents.authorize(command.audience(), command.scope(), now);
        if (!authorization.isAllowed()) {
            return refuse(command, actor, authorization.refusal());
        }
        ConsentRecord consent = authorization.consent();
        String recipientId = command.audience() == Audience.BOSS ? bossId : hrId;
        apply(new UpdateShared(engagementId, command.updateId(), command.audience(), command.scope(),
                command.content(), recipientId, actor.id(), now, consent.consentId(), consent.purpose(),
                consent.grantEventId(), consent.grantSequence()));
        return recorded(command.updateId(), actor);
    }

    private Receipt refuse(ShareUpdate command, Actor actor, RefusalReason reason) {
        apply(new DisclosureRefused(engagementId, command.updateId(), command.audience(), command.scope(),
                actor.id(), reason));
        return Receipt.refused(command.updateId(), versionOf(actor), false, reason.name());
    }

    // --- closure ---------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RecordSatisfaction command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.CLIENT);
        SatisfactionRecorded rated = new SatisfactionRecorded(engagementId, command.score(), command.comment());
        if (latestSatisfaction != null && latestSatisfaction.isRepeat(fingerprints.of(rated))) {
            return Receipt.repeated(engagementId, latestSatisfaction.version());
        }
        if (selectedCoachId == null || budget == null) {
            throw Rejection.conflict("satisfaction is rated once the engagement has been ACTIVE; it is " + status());
        }
        apply(rated);
        return recorded(engagementId, actor);
    }

    @CommandHandler
    public Receipt handle(CloseEngagement command, MetaData metaData, Fingerprints fingerprints) {
        Actor actor = requireParty(metaData, Role.HR, Role.BOSS);
        if (closure != null) {
            return repeatOrConflict(closure,
                    closureFingerprint(fingerprints, command.outcome(), command.reason(), actor.id()),
                    engagementId, "the engagement is already closed as " + closedAs);
        }
        apply(new EngagementClosed(engagementId, command.outcome(), command.reason(), actor.id(),
                consents.inForceAt(now())));
        return recorded(engagementId, actor);
    }

    // --- event sourcing: every handler counts its event into the party versions first -------

    @EventSourcingHandler
    void on(EngagementOpened event, Fingerprints fingerprints) {
        versions.count(event);
        engagementId = event.engagementId();
        fingerprintKeyId = fingerprints.keyId();
        clientId = event.clientId();
        bossId = event.bossId();
        hrId = event.hrId();
        opening = new Recorded(fingerprints.of(event), versions.of(PartyView.HR));
    }

    @EventSourcingHandler
    void on(CoachesShortlisted event, @MetaDataValue(Actor.ACTOR_ID) String actorId, Fingerprints fingerprints) {
        versions.count(event);
        shortlist = List.copyOf(event.coachIds());
        shortlisting = new Recorded(shortlistFingerprint(fingerprints, actorId, event), versions.of(PartyView.HR));
    }

    @EventSourcingHandler
    void on(CoachSelected event) {
        versions.count(event);
        selectedCoachId = event.coachId();
        selectionVersion = versions.of(PartyView.CLIENT);
    }

    @EventSourcingHandler
    void on(BudgetApproved event) {
        versions.count(event);
        budget = event;
        budgetVersion = versions.of(PartyView.BOSS);
    }

    @EventSourcingHandler
    void on(SessionLogged event, Fingerprints fingerprints) {
        versions.count(event);
        sessions.put(event.sessionId(), new Recorded(fingerprints.of(event), versions.of(PartyView.COACH)));
    }

    @EventSourcingHandler
    void on(UpdateConsentGranted event, @MessageIdentifier String eventId, @SequenceNumber long sequence,
            Fingerprints fingerprints) {
        versions.count(event);
        consents.granted(new ConsentRecord(event.consentId(), event.audience(), event.scopes(), event.validUntil(),
                event.purpose(), eventId, sequence, new Recorded(fingerprints.of(event), versions.of(PartyView.CLIENT)),
                null));
    }

    @EventSourcingHandler
    void on(UpdateConsentRevoked event) {
        versions.count(event);
        consents.revoked(event.consentId(), versions.of(PartyView.CLIENT));
    }

    @EventSourcingHandler
    void on(UpdateRequested event, Fingerprints fingerprints) {
        versions.count(event);
        PartyView requester = event.audience() == Audience.BOSS ? PartyView.BOSS : PartyView.HR;
        requests.put(event.requestId(), new Recorded(fingerprints.of(event), versions.of(requester)));
    }

    @EventSourcingHandler
    void on(UpdateShared event, Fingerprints fingerprints) {
        versions.count(event);
        updates.put(event.updateId(), UpdateRecord.shared(event, versions.of(sharerView(event.sharedBy())), fingerprints));
    }

    @EventSourcingHandler
    void on(DisclosureRefused event, Fingerprints fingerprints) {
        versions.count(event);
        if (event.reason() == RefusalReason.NOT_SELECTED_COACH) {
            return; // no longer recorded; one recorded before never keeps the id from the selected coach
        }
        updates.put(event.updateId(), UpdateRecord.refused(event, versions.of(sharerView(event.actor())), fingerprints));
    }

    @EventSourcingHandler
    void on(SatisfactionRecorded event, Fingerprints fingerprints) {
        versions.count(event);
        latestSatisfaction = new Recorded(fingerprints.of(event), versions.of(PartyView.CLIENT));
    }

    @EventSourcingHandler
    void on(EngagementClosed event, Fingerprints fingerprints) {
        versions.count(event);
        closedAs = event.outcome();
        PartyView closer = event.closedBy().equals(bossId) ? PartyView.BOSS : PartyView.HR;
        closure = new Recorded(closureFingerprint(fingerprints, event.outcome(), event.reason(), event.closedBy()),
                versions.of(closer));
    }

    // --- fingerprints of events that do not name their actor or hold moment-dependent fields ---

    /** Any HR person may shortlist; the event does not say who did, its metadata does. */
    private static String shortlistFingerprint(Fingerprints fingerprints, String actorId, CoachesShortlisted event) {
        return fingerprints.of(actorId, event);
    }

    /** The consents a closure ends depend on the moment; what the closer asked for does not. */
    private static String closureFingerprint(Fingerprints fingerprints, Outcome outcome, String reason, String closedBy) {
        return fingerprints.of("EngagementClosed", outcome, reason, closedBy);
    }

    private PartyView sharerView(String sharedBy) {
        return sharedBy.equals(clientId) ? PartyView.CLIENT : PartyView.COACH;
    }

    // --- rules shared by the handlers ------------------------------------------------------

    enum Status { OPENED, SHORTLISTED, ACTIVE, CLOSED }

    Status status() {
        if (closure != null) {
            return Status.CLOSED;
        }
        if (selectedCoachId != null && budget != null) {
            return Status.ACTIVE;
        }
        return shortlist.isEmpty() ? Status.OPENED : Status.SHORTLISTED;
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
            case CLIENT -> actor.id().equals(clientId);
            case BOSS -> actor.id().equals(bossId);
            case COACH -> shortlist.contains(actor.id());
            default -> false;
        };
        if (!related) {
            throw Rejection.notFound("no such engagement: " + engagementId);
        }
        return actor;
    }

    /** The same answer for every id and content, before any is looked at: nothing to learn from it. */
    private void requireSelectedCoach(Actor coach, String what) {
        if (!coach.id().equals(selectedCoachId)) {
            throw Rejection.forbidden("only the selected coach of " + engagementId + " may " + what
                    + "; nothing was recorded", RefusalReason.NOT_SELECTED_COACH);
        }
    }

    private void requireOpen() {
        if (closure != null) {
            throw Rejection.conflict("engagement " + engagementId + " is closed");
        }
    }

    private void requireActive(String what) {
        if (status() != Status.ACTIVE) {
            throw Rejection.conflict(what + " only while the engagement is ACTIVE; it is " + status());
        }
    }

    /**
     * A repeat (same content, same actor: the fingerprints cover both) answers what the original
     * answered; anything else is a conflict whose message names the id, never the difference.
     */
    private static Receipt repeatOrConflict(Recorded earlier, String fingerprint, String id, String conflict) {
        if (!earlier.isRepeat(fingerprint)) {
            throw Rejection.conflict(conflict + USED_ONCE);
        }
        return Receipt.repeated(id, earlier.version());
    }

    private Receipt recorded(String id, Actor actor) {
        return Receipt.recorded(id, versionOf(actor));
    }

    /** The actor's version after what the command applied (its event-sourcing handlers have run). */
    private long versionOf(Actor actor) {
        return versions.of(PartyView.of(actor.role())
                .orElseThrow(() -> new IllegalStateException("role " + actor.role() + " is no party")));
    }

    /** The moment a command is judged at; the same clock stamps the events it records. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
