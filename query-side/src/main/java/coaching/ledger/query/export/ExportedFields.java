package coaching.ledger.query.export;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.ClientDataReauthorised;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.LegalHoldPlaced;
import coaching.ledger.kernel.erasure.LegalHoldReleased;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.sessions.SessionLogged;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the export shows of each event: an allow-list, so a field nobody decided about is never
 * exported. Each event type at each revision the upcasters produce (the export upcasts every event
 * to its current revision first) lists the fields exported as recorded; every other field of its
 * payload is exported as {@code null} and named in the line's {@code redacted} list. An event type or
 * revision that has no row exports no payload value at all (fail closed); a metadata key not in
 * {@link #METADATA} likewise.
 *
 * <p>Free text is the client's own words, or words about the client, and is not exported: session
 * notes, update content, the satisfaction comment, the revocation reason, the update request message,
 * the closure reason (the fields marked {@code @Confidential}, which also print masked in logs). Two
 * free texts are exported, because they are not confidential: a consent's {@code purpose} (the client
 * writes it to be shown to the recipient, with every update shared under the consent, and compliance
 * needs it to judge purpose limitation; it is in {@code UpdateShared} for the same reason), and a
 * coach's registration (display name, certifications, specialties: the professional profile HR
 * enters for the roster, about the coach and nobody's engagement). The {@code reason} of an erasure, a
 * re-authorisation or a legal hold is exported too: compliance writes it as its own reference (a ticket,
 * a legal basis), and the export is how an auditor checks it.
 */
final class ExportedFields {

    /** Who acted and the request: every event carries these, never anything the caller wrote. */
    static final Set<String> METADATA = Set.of(Actor.ACTOR_ID, Actor.ACTOR_ROLE, Actor.CORRELATION_ID);

    /** Event type and revision -> the payload fields exported as recorded. */
    static final Map<String, Row> TABLE = rows(
            // event                          revision  exported as recorded
            row(EngagementOpened.class, "1", "engagementId", "clientId", "bossId", "hrId", "purpose", "urgency"),
            row(CoachesShortlisted.class, "1", "engagementId", "coachIds"),
            row(CoachSelected.class, "1", "engagementId", "coachId"),
            row(BudgetApproved.class, "1", "engagementId", "sessions", "amount", "currency"),
            row(SessionLogged.class, "1", "engagementId", "sessionId", "coachId", "heldOn", "durationMinutes"),
            // revision 1 is upcast to 2 (noticeVersion null) before it is exported
            row(
                    UpdateConsentGranted.class,
                    "2",
                    "engagementId",
                    "consentId",
                    "clientId",
                    "audience",
                    "scopes",
                    "validUntil",
                    "purpose",
                    "noticeVersion"),
            row(UpdateConsentRevoked.class, "1", "engagementId", "consentId"),
            row(UpdateRequested.class, "1", "engagementId", "requestId", "audience", "requestedBy", "scope"),
            row(
                    UpdateShared.class,
                    "1",
                    "engagementId",
                    "updateId",
                    "audience",
                    "scope",
                    "recipientId",
                    "sharedBy",
                    "sharedAt",
                    "consentId",
                    "purpose",
                    "consentGrantEventId",
                    "consentGrantSequence"),
            row(DisclosureRefused.class, "1", "engagementId", "updateId", "audience", "scope", "actor", "reason"),
            row(SatisfactionRecorded.class, "1", "engagementId", "score"),
            row(EngagementClosed.class, "1", "engagementId", "outcome", "closedBy", "endedConsentIds"),
            row(
                    CoachRegistered.class,
                    "1",
                    "coachId",
                    "displayName",
                    "certifications",
                    "yearsExperience",
                    "specialties"),
            // the reason of an erasure, a re-authorisation or a hold is compliance's reference, not the client's words
            row(
                    ClientDataErased.class,
                    "1",
                    "clientId",
                    "erasureId",
                    "reason",
                    "erasedBy",
                    "erasedAt",
                    "engagementIds",
                    "recipients",
                    "legacyPlaintextFields"),
            row(ErasureNotificationDue.class, "1", "clientId", "erasureId", "recipientId", "recipientRole", "updates"),
            row(
                    ErasureRecipientNotified.class,
                    "1",
                    "clientId",
                    "erasureId",
                    "recipientId",
                    "notifiedBy",
                    "notifiedAt"),
            row(
                    ClientDataReauthorised.class,
                    "1",
                    "clientId",
                    "reauthorisationId",
                    "reason",
                    "reauthorisedBy",
                    "reauthorisedAt"),
            row(LegalHoldPlaced.class, "1", "engagementId", "holdId", "reason", "placedBy", "placedAt"),
            row(LegalHoldReleased.class, "1", "engagementId", "holdId", "releasedBy", "releasedAt"));

    record Row(Class<?> type, String revision, Set<String> exported) {

        String key() {
            return ExportedFields.key(type.getName(), revision);
        }
    }

    private ExportedFields() {}

    /**
     * Keeps the allowed fields of one event's payload and metadata as they are, sets every other one
     * to null, and answers the names set to null ({@code payload.notes}, {@code metadata.x}), sorted.
     * The list depends only on the type, revision and field names, never on whether a field held text.
     */
    static List<String> redact(String type, String revision, ObjectNode payload, ObjectNode metadata) {
        Row row = TABLE.get(key(type, revision));
        List<String> redacted = new ArrayList<>();
        redacted.addAll(nullOutAllBut(payload, row == null ? Set.of() : row.exported(), "payload."));
        redacted.addAll(nullOutAllBut(metadata, METADATA, "metadata."));
        return redacted;
    }

    /**
     * Of the names {@link #redact} answered for an event, those of its confidential fields: the payload
     * fields its row does not export (the allow-list exports every other field). None for an event
     * type or revision without a row, whose fields nobody has decided about.
     */
    static List<String> confidential(String type, String revision, List<String> redacted) {
        return TABLE.containsKey(key(type, revision))
                ? redacted.stream().filter(name -> name.startsWith("payload.")).toList()
                : List.of();
    }

    private static List<String> nullOutAllBut(ObjectNode node, Set<String> allowed, String prefix) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        List<String> redacted =
                names.stream().filter(name -> !allowed.contains(name)).sorted().toList();
        redacted.forEach(node::putNull);
        return redacted.stream().map(name -> prefix + name).toList();
    }

    private static String key(String type, String revision) {
        return type + "@" + revision;
    }

    private static Row row(Class<?> type, String revision, String... exported) {
        return new Row(type, revision, Set.of(exported));
    }

    private static Map<String, Row> rows(Row... rows) {
        return Arrays.stream(rows).collect(Collectors.toUnmodifiableMap(Row::key, Function.identity()));
    }
}
