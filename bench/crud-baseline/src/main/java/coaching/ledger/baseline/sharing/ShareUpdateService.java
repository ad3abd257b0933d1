package coaching.ledger.baseline.sharing;

import coaching.ledger.baseline.engagement.Audience;
import coaching.ledger.baseline.engagement.Consent;
import coaching.ledger.baseline.engagement.ConsentRepository;
import coaching.ledger.baseline.engagement.Engagement;
import coaching.ledger.baseline.engagement.EngagementRepository;
import coaching.ledger.baseline.engagement.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One share, one transaction: lock the engagement row, check who asks, answer a repeat as before,
 * find a consent in force, insert. Envers adds the audit rows at commit.
 */
@Service
public class ShareUpdateService {

    private final EngagementRepository engagements;
    private final ConsentRepository consents;
    private final SharedUpdateRepository updates;
    private final Clock clock;

    ShareUpdateService(
            EngagementRepository engagements, ConsentRepository consents, SharedUpdateRepository updates, Clock clock) {
        this.engagements = engagements;
        this.consents = consents;
        this.updates = updates;
        this.clock = clock;
    }

    @Transactional
    public ShareOutcome share(String engagementId, ShareUpdate share, String actor) {
        Optional<Engagement> locked = engagements.lockById(engagementId);
        if (locked.isEmpty()) {
            return new ShareOutcome.Refused(HttpStatus.NOT_FOUND, "Not found", "NO_SUCH_ENGAGEMENT");
        }
        Engagement engagement = locked.get();
        if (!actor.equals(engagement.coachId()) && !actor.equals(engagement.clientId())) {
            return new ShareOutcome.Refused(HttpStatus.FORBIDDEN, "Forbidden", "NOT_SELECTED_COACH");
        }
        Optional<SharedUpdate> earlier = updates.findByEngagementAndUpdateId(engagement, share.updateId());
        if (earlier.isPresent()) {
            return earlier.get().sameAs(share)
                    ? new ShareOutcome.Shared(engagementId, share.updateId(), true)
                    : new ShareOutcome.Refused(HttpStatus.CONFLICT, "Conflict", "UPDATE_ID_USED");
        }
        if (engagement.status() == Engagement.Status.CLOSED) {
            return new ShareOutcome.Refused(HttpStatus.FORBIDDEN, "Disclosure refused", "ENGAGEMENT_CLOSED");
        }
        Instant now = clock.instant();
        List<Consent> inForce =
                consents.inForce(engagement, Audience.valueOf(share.audience()), Scope.valueOf(share.scope()), now);
        if (inForce.isEmpty()) {
            return new ShareOutcome.Refused(HttpStatus.FORBIDDEN, "Disclosure refused", "NO_CONSENT");
        }
        updates.save(new SharedUpdate(engagement, share, actor, inForce.get(0).consentId(), now));
        return new ShareOutcome.Shared(engagementId, share.updateId(), false);
    }
}
