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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
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
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One coaching engagement and every rule of API.md. Each handler validates first and records last;
 * state changes only in the event-sourcing handlers. Consent is checked here, in the engagement's
 * own event order, so a disclosure can never race a revocation.
 *
 * <p>Relationships: a principal unrelated to the engagement gets 404 (it may not know the
 * engagement exists); a party acting outside its rights gets 403.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger", cache = "engagementCache")
@Revision("1")
public class Engagement {

    @AggregateIdentifier
    private String engagementId;
    private String clientId;
    private String bossId;
    private String hrId;
    private List<String> shortlist = List.of();
    private String selectedCoachId;
    private BudgetApproved budget;
    private EngagementClosed closure;
    private String latestSatisfaction;
    private String openingFingerprint;
    private final Map<String, String> sessions = new HashMap<>();
    private final Map<String, String> requests = new HashMap<>();
    private final Map<String, UpdateRecord> updates = new HashMap<>();
    private final Consents consents = new Consents();

    protected Engagement() {
        // rebuilt from events (or a snapshot) by Axon
    }

    // --- selection -------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(OpenEngagement command, MetaData metaData) {
        Actor actor = requireRole(metaData, Role.HR);
        String fingerprint = Fingerprint.of(command.clientId(), command.bossId(), command.purpose(), command.urgency());
        if (engagementId != null) {
            return repeatOrConflict(fingerprint.equals(openingFingerprint), command.engagementId(),
                    "engagement " + command.engagementId() + " already exists with other content");
        }
        if (command.clientId().equals(command.bossId())) {
            throw Rejection.invalid("bossId", "must differ from clientId");
        }
        apply(new EngagementOpened(command.engagementId(), command.clientId(), command.bossId(), actor.id(),
                command.purpose(), command.urgency()));
        return recorded(command.engagementId());
    }

    @CommandHandler
    public Receipt handle(ShortlistCoaches command, MetaData metaData, CoachRegistry coachRegistry) {
        requireRole(metaData, Role.HR);
        if (!shortlist.isEmpty()) {
            return repeatOrConflict(shortlist.equals(command.coachIds()), engagementId,
                    "the engagement already has a different shortlist");
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
        apply(new CoachesShortlisted(engagementId, List.copyOf(command.coachIds())));
        return recorded(engagementId);
    }

    @CommandHandler
    public Receipt handle(SelectCoach command, MetaData metaData) {
        requireParty(metaData, Role.CLIENT);
        if (selectedCoachId != null) {
            return repeatOrConflict(selectedCoachId.equals(command.coachId()), engagementId,
                    "coach " + selectedCoachId + " is already selected");
        }
        requireOpen();
        if (shortlist.isEmpty()) {
            throw Rejection.conflict("no coaches are shortlisted yet");
        }
        if (!shortlist.contains(command.coachId())) {
            throw Rejection.conflict("coach " + command.coachId() + " is not on the shortlist");
        }
        apply(new CoachSelected(engagementId, command.coachId()));
        return recorded(engagementId);
    }

    @CommandHandler
    public Receipt handle(ApproveBudget command, MetaData metaData) {
        requireParty(metaData, Role.BOSS);
        if (budget != null) {
            boolean same = budget.sessions() == command.sessions()
                    && budget.amount().compareTo(command.amount()) == 0
                    && budget.currency().equals(command.currency());
            return repeatOrConflict(same, engagementId, "a different budget is already approved");
        }
        requireOpen();
        if (shortlist.isEmpty()) {
            throw Rejection.conflict("the budget is approved once coaches are shortlisted");
        }
        apply(new BudgetApproved(engagementId, command.sessions(), command.amount(), command.currency()));
        return recorded(engagementId);
    }

    // --- sessions --------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(LogSession command, MetaData metaData) {
        requireParty(metaData, Role.COACH);
        requireSelectedCoach(Actor.from(metaData));
        String fingerprint = Fingerprint.of(command.heldOn(), command.durationMinutes(), command.notes());
        if (sessions.containsKey(command.sessionId())) {
            return repeatOrConflict(sessions.get(command.sessionId()).equals(fingerprint), command.sessionId(),
                    "session " + command.sessionId() + " was logged with other content");
        }
        requireActive("sessions are logged");
        if (sessions.size() >= budget.sessions()) {
            throw Rejection.conflict("budget exhausted: all " + budget.sessions() + " approved sessions are logged");
        }
        apply(new SessionLogged(engagementId, command.sessionId(), selectedCoachId, command.heldOn(),
                command.durationMinutes(), command.notes()));
        return recorded(command.sessionId());
    }

    // --- consent ---------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(GrantUpdateConsent command, MetaData metaData) {
        requireParty(metaData, Role.CLIENT);
        String fingerprint = Fingerprint.of(command.audience(), new TreeSet<>(command.scopes()),
                command.validUntil(), command.purpose(), command.noticeVersion());
        Optional<ConsentRecord> existing = consents.find(command.consentId());
        if (existing.isPresent()) {
            return repeatOrConflict(existing.get().fingerprint().equals(fingerprint), command.consentId(),
                    "consent " + command.consentId() + " was granted with other content");
        }
        requireOpen();
        if (command.validUntil() != null && !command.validUntil().isAfter(now())) {
            throw Rejection.invalid("validUntil", "must be in the future");
        }
        apply(new UpdateConsentGranted(engagementId, command.consentId(), clientId, command.audience(),
                EnumSet.copyOf(command.scopes()), command.validUntil(), command.purpose(), command.noticeVersion()));
        return recorded(command.consentId());
    }

    @CommandHandler
    public Receipt handle(RevokeUpdateConsent command, MetaData metaData) {
        requireParty(metaData, Role.CLIENT);
        ConsentRecord consent = consents.find(command.consentId())
                .orElseThrow(() -> Rejection.notFound("no consent " + command.consentId() + " on this engagement"));
        if (consent.revoked()) {
            return repeated(command.consentId());
        }
        if (closure != null) {
            throw Rejection.conflict("consent " + command.consentId() + " already ended with the engagement");
        }
        apply(new UpdateConsentRevoked(engagementId, command.consentId(), command.reason()));
        return recorded(command.consentId());
    }

    // --- disclosure ------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RequestUpdate command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.BOSS, Role.HR);
        Audience audience = actor.is(Role.BOSS) ? Audience.BOSS : Audience.HR;
        String fingerprint = Fingerprint.of(audience, command.scope(), command.message());
        if (requests.containsKey(command.requestId())) {
            return repeatOrConflict(requests.get(command.requestId()).equals(fingerprint), command.requestId(),
                    "update request " + command.requestId() + " was made with other content");
        }
        requireOpen();
        apply(new UpdateRequested(engagementId, command.requestId(), audience, actor.id(), command.scope(),
                command.message()));
        return recorded(command.requestId());
    }

    /**
     * Shares an update only under a consent in force at this point of the engagement's history;
     * otherwise records the attempt as {@link DisclosureRefused}, without its content.
     */
    @CommandHandler
    public Receipt handle(ShareUpdate command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.COACH, Role.CLIENT);
        UpdateRecord earlier = updates.get(command.updateId());
        if (earlier != null) {
            if (!earlier.isRetryOf(command)) {
                throw Rejection.conflict("update " + command.updateId() + " was already used with other content");
            }
            return earlier.refusal() == null ? repeated(command.updateId())
                    : Receipt.refused(command.updateId(), version(), true, earlier.refusal());
        }
        if (actor.is(Role.COACH) && !actor.id().equals(selectedCoachId)) {
            return refuse(command, actor, RefusalReason.NOT_SELECTED_COACH);
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
        return recorded(command.updateId());
    }

    private Receipt refuse(ShareUpdate command, Actor actor, RefusalReason reason) {
        apply(new DisclosureRefused(engagementId, command.updateId(), command.audience(), command.scope(),
                actor.id(), reason));
        return Receipt.refused(command.updateId(), version(), false, reason.name());
    }

    // --- closure ---------------------------------------------------------------------------

    @CommandHandler
    public Receipt handle(RecordSatisfaction command, MetaData metaData) {
        requireParty(metaData, Role.CLIENT);
        if (Fingerprint.of(command.score(), command.comment()).equals(latestSatisfaction)) {
            return repeated(engagementId);
        }
        if (selectedCoachId == null || budget == null) {
            throw Rejection.conflict("satisfaction is rated once the engagement has been ACTIVE; it is " + status());
        }
        apply(new SatisfactionRecorded(engagementId, command.score(), command.comment()));
        return recorded(engagementId);
    }

    @CommandHandler
    public Receipt handle(CloseEngagement command, MetaData metaData) {
        Actor actor = requireParty(metaData, Role.HR, Role.BOSS);
        if (closure != null) {
            boolean same = closure.outcome() == command.outcome() && closure.reason().equals(command.reason());
            return repeatOrConflict(same, engagementId, "the engagement is already closed as " + closure.outcome());
        }
        apply(new EngagementClosed(engagementId, command.outcome(), command.reason(), actor.id(),
                consents.inForceAt(now())));
        return recorded(engagementId);
    }

    // --- event sourcing --------------------------------------------------------------------

    @EventSourcingHandler
    void on(EngagementOpened event) {
        engagementId = event.engagementId();
        clientId = event.clientId();
        bossId = event.bossId();
        hrId = event.hrId();
        openingFingerprint = Fingerprint.of(event.clientId(), event.bossId(), event.purpose(), event.urgency());
    }

    @EventSourcingHandler
    void on(CoachesShortlisted event) {
        shortlist = List.copyOf(event.coachIds());
    }

    @EventSourcingHandler
    void on(CoachSelected event) {
        selectedCoachId = event.coachId();
    }

    @EventSourcingHandler
    void on(BudgetApproved event) {
        budget = event;
    }

    @EventSourcingHandler
    void on(SessionLogged event) {
        sessions.put(event.sessionId(), Fingerprint.of(event.heldOn(), event.durationMinutes(), event.notes()));
    }

    @EventSourcingHandler
    void on(UpdateConsentGranted event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        consents.granted(new ConsentRecord(event.consentId(), event.audience(), event.scopes(), event.validUntil(),
                event.purpose(), eventId, sequence,
                Fingerprint.of(event.audience(), new TreeSet<>(event.scopes()), event.validUntil(), event.purpose(),
                        event.noticeVersion()),
                false));
    }

    @EventSourcingHandler
    void on(UpdateConsentRevoked event) {
        consents.revoked(event.consentId());
    }

    @EventSourcingHandler
    void on(UpdateRequested event) {
        requests.put(event.requestId(), Fingerprint.of(event.audience(), event.scope(), event.message()));
    }

    @EventSourcingHandler
    void on(UpdateShared event) {
        updates.put(event.updateId(), UpdateRecord.shared(event));
    }

    @EventSourcingHandler
    void on(DisclosureRefused event) {
        updates.put(event.updateId(), UpdateRecord.refused(event));
    }

    @EventSourcingHandler
    void on(SatisfactionRecorded event) {
        latestSatisfaction = Fingerprint.of(event.score(), event.comment());
    }

    @EventSourcingHandler
    void on(EngagementClosed event) {
        closure = event;
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

    private void requireSelectedCoach(Actor coach) {
        if (!coach.id().equals(selectedCoachId)) {
            throw Rejection.forbidden("only the selected coach of " + engagementId + " may do this");
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

    private Receipt repeatOrConflict(boolean sameContent, String id, String conflict) {
        if (!sameContent) {
            throw Rejection.conflict(conflict);
        }
        return repeated(id);
    }

    private Receipt recorded(String id) {
        return Receipt.recorded(id, version());
    }

    private Receipt repeated(String id) {
        return Receipt.repeated(id, version());
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    /** The moment a command is judged at; the same clock stamps the events it records. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
