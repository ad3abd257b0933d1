package coaching.ledger.kernel.sealing;

/**
 * Where a confidential text belongs: whose it is ({@code clientId}, the data subject whose key seals
 * it), which engagement, which event type, which record of it (the id the event's receipt names: a
 * session, update, request or consent id, else the engagement id) and which field. Bound into the
 * envelope as associated data, so an envelope copied into another event, record, field or client's
 * data fails to open instead of showing its text there. Each event with a confidential field names
 * its place in one static method (e.g. {@code SessionLogged.notesField}), used to seal and to open.
 */
public record SealedField(String clientId, String engagementId, String eventType, String recordId, String field) {}
