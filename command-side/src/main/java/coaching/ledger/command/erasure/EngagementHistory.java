package coaching.ledger.command.erasure;

import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.DisclosedUpdate;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.Sealer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an erasure asks of one engagement of the client, from the engagement's events: whether it is
 * closed, the legal holds in force, what it disclosed to whom, and how many of its confidential fields
 * were recorded in clear, before the ledger sealed confidential text (those cannot be shredded).
 */
public record EngagementHistory(
        String engagementId,
        boolean closed,
        Set<String> legalHolds,
        List<Disclosure> disclosures,
        int legacyPlaintextFields) {

    /** One update the ledger's own {@code UpdateShared} event disclosed to a recipient. */
    public record Disclosure(String recipientId, Role recipientRole, DisclosedUpdate update) {}

    /** Reads the engagement's event payloads, in order; {@code clientId} is the engagement's client. */
    public static EngagementHistory of(String engagementId, String clientId, Iterable<?> payloads) {
        boolean closed = false;
        Set<String> holds = new LinkedHashSet<>();
        List<Disclosure> disclosures = new ArrayList<>();
        int[] inClear = {0};
        // each event names its own confidential fields in its sealed(..): a sealer that counts instead
        TextSealer countInClear = (field, text) -> {
            if (text != null && !Sealer.isEnvelope(text)) {
                inClear[0]++;
            }
            return text;
        };
        for (Object payload : payloads) {
            if (payload instanceof EngagementClosed event) {
                closed = true;
                event.sealed(countInClear, clientId);
            } else if (payload instanceof UpdateShared event) {
                Role role = event.audience() == Audience.BOSS ? Role.BOSS : Role.HR;
                disclosures.add(new Disclosure(
                        event.recipientId(),
                        role,
                        new DisclosedUpdate(engagementId, event.updateId(), event.sharedAt())));
                event.sealed(countInClear, clientId);
            } else if (payload instanceof SessionLogged event) {
                event.sealed(countInClear, clientId);
            } else if (payload instanceof UpdateRequested event) {
                event.sealed(countInClear, clientId);
            } else if (payload instanceof UpdateConsentRevoked event) {
                event.sealed(countInClear, clientId);
            } else if (payload instanceof SatisfactionRecorded event) {
                event.sealed(countInClear, clientId);
            } else if (payload instanceof LegalHoldPlaced event) {
                holds.add(event.holdId());
            } else if (payload instanceof LegalHoldReleased event) {
                holds.remove(event.holdId());
            }
        }
        return new EngagementHistory(engagementId, closed, Set.copyOf(holds), List.copyOf(disclosures), inClear[0]);
    }
}
