package coaching.ledger.query.coach;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.query.engagement.Budget;
import coaching.ledger.query.engagement.EngagementStatus;
import coaching.ledger.query.engagement.OpenUpdateRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An engagement the coach was selected for: their sessions, the consents in force, open requests,
 * and the updates shared so far (to whom, of which scope, by whom, when; never their content).
 * {@code erased} names the confidential fields that read as null because the client's data was erased.
 */
public record CoachEngagement(
        String engagementId,
        String clientId,
        EngagementStatus status,
        Budget budget,
        List<Session> sessions,
        List<ConsentInForce> consentsInForce,
        List<OpenUpdateRequest> openRequests,
        List<SharedUpdate> sharedUpdates,
        List<String> erased,
        long version) {

    public record Session(String sessionId, LocalDate heldOn, int durationMinutes, String notes) {}

    /** What the coach may share now, and with whom. */
    public record ConsentInForce(
            String consentId, Audience audience, List<Scope> scopes, Instant validUntil, String purpose) {}

    /** That an update was shared, without what it said. */
    public record SharedUpdate(String updateId, Audience audience, Scope scope, String sharedBy, Instant sharedAt) {}
}
