package coaching.ledger.kernel.disclosure;

/** Why a disclosure was refused; recorded in {@link DisclosureRefused}. */
public enum RefusalReason {
    /** The client never granted a consent for this engagement. */
    NO_CONSENT,
    /** No consent in force names the update's audience. */
    AUDIENCE_NOT_COVERED,
    /** A consent names the audience but none in force covers the update's scope. */
    SCOPE_NOT_COVERED,
    /** The only consents that would cover the update were revoked. */
    CONSENT_REVOKED,
    /** The only consents that would cover the update are past their validUntil. */
    CONSENT_EXPIRED,
    /** The engagement is closed, which ends every consent. */
    ENGAGEMENT_CLOSED,
    /** A coach of the shortlist who is not the selected coach tried to share. */
    NOT_SELECTED_COACH
}
