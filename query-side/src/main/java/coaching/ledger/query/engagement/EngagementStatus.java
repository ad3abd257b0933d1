package coaching.ledger.query.engagement;

/** OPENED → SHORTLISTED → ACTIVE (coach selected and budget approved, either order) → CLOSED. */
public enum EngagementStatus {
    OPENED,
    SHORTLISTED,
    ACTIVE,
    CLOSED
}
