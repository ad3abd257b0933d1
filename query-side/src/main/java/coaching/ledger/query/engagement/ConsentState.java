package coaching.ledger.query.engagement;

import java.time.Instant;

/** ACTIVE, REVOKED and ENDED are recorded by events; EXPIRED is ACTIVE past its validUntil. */
public enum ConsentState {
    ACTIVE,
    REVOKED,
    EXPIRED,
    ENDED;

    /** The state at {@code moment}: expiry is not an event, so it is worked out when asked. */
    public ConsentState at(Instant moment, Instant validUntil) {
        return this == ACTIVE && validUntil != null && !moment.isBefore(validUntil) ? EXPIRED : this;
    }
}
