package coaching.ledger.platform.audit;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.platform.audit.VerificationReport.Kind;
import coaching.ledger.platform.audit.VerificationReport.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Re-checks, from the stored events alone, that every {@code UpdateShared} was backed by a consent
 * valid at that moment of its engagement: the consent exists, is the grant the event cites, was made
 * by the engagement's client (by the grant's {@code clientId} and by the actor its metadata names),
 * names the audience and scope, was neither revoked nor expired, the engagement was not closed, and
 * the recipient is the engagement's boss or HR person. Reads payloads as JSON trees by field name, so
 * every revision of an event is read alike. A stored value it cannot read (not JSON, a field missing
 * or of the wrong type, a timestamp that is no ISO instant) is reported as {@code UNREADABLE} at its
 * event, never thrown. Keeps a few facts per engagement, never content.
 */
class DisclosureAudit {

    private static final Set<String> RELEVANT = Set.of(
            "EngagementOpened", "UpdateConsentGranted", "UpdateConsentRevoked", "EngagementClosed", "UpdateShared");

    private final ObjectMapper json;
    private final Consumer<Problem> problems;
    private final Map<String, Engagement> engagements = new HashMap<>();
    private long disclosuresChecked;

    DisclosureAudit(ObjectMapper json, Consumer<Problem> problems) {
        this.json = json;
        this.problems = problems;
    }

    long disclosuresChecked() {
        return disclosuresChecked;
    }

    void accept(StoredEvent event) {
        String type = event.payloadType() == null ? null : event.simpleType();
        if (!RELEVANT.contains(type)) {
            return;
        }
        try {
            apply(type, event, readObject(event.payload(), "payload"));
        } catch (Unreadable e) {
            problems.accept(new Problem(
                    event.globalIndex(),
                    event.eventIdentifier(),
                    Kind.UNREADABLE,
                    type + " cannot be read: " + e.getMessage()));
        }
    }

    private void apply(String type, StoredEvent event, JsonNode payload) {
        Engagement engagement = engagements.computeIfAbsent(text(payload, "engagementId"), id -> new Engagement());
        switch (type) {
            case "EngagementOpened" -> engagement.opened(payload);
            case "UpdateConsentGranted" -> granted(engagement, event, payload);
            case "UpdateConsentRevoked" -> {
                Consent consent = engagement.consents.get(text(payload, "consentId"));
                if (consent != null) {
                    consent.revoked = true;
                }
            }
            case "EngagementClosed" -> engagement.closed = true;
            case "UpdateShared" -> {
                disclosuresChecked++;
                String unbacked = engagement.whyUnbacked(payload);
                if (unbacked != null) {
                    problems.accept(new Problem(
                            event.globalIndex(), event.eventIdentifier(), Kind.UNBACKED_DISCLOSURE, unbacked));
                }
            }
            default -> throw new IllegalStateException("unhandled relevant type " + type);
        }
    }

    private void granted(Engagement engagement, StoredEvent event, JsonNode payload) {
        Consent consent = Consent.granted(event, payload);
        String foreign = engagement.whyForeign(text(payload, "clientId"), readObject(event.metaData(), "metadata"));
        if (foreign != null) {
            consent.foreign = true;
            problems.accept(new Problem(event.globalIndex(), event.eventIdentifier(), Kind.FOREIGN_GRANT, foreign));
        }
        engagement.consents.put(consent.consentId, consent);
    }

    private JsonNode readObject(byte[] bytes, String what) {
        if (bytes == null) {
            throw new Unreadable(what + " is missing");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (Exception e) {
            // any parser failure, including the stream constraints (nesting depth, number length) Jackson enforces
            throw new Unreadable(what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Unreadable(what + " is not a JSON object");
        }
        return node;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw new Unreadable(field + " is not text");
        }
        return value.textValue();
    }

    /** Null when the field is absent or JSON null. */
    private static String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : text(object, field);
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + " is not an ISO-8601 instant");
        }
    }

    private static long integer(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Unreadable(field + " is not an integer");
        }
        return value.longValue();
    }

    /** A stored value that cannot be read; carries no stack trace, it is a finding, not a failure. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Engagement {
        private String clientId;
        private String bossId;
        private String hrId;
        private boolean closed;
        private final Map<String, Consent> consents = new HashMap<>();

        void opened(JsonNode payload) {
            clientId = text(payload, "clientId");
            bossId = text(payload, "bossId");
            hrId = text(payload, "hrId");
        }

        /** Why a grant was not made by this engagement's client, or null when it was. */
        String whyForeign(String grantClientId, JsonNode metadata) {
            if (clientId == null) {
                return "granted on an engagement that was never opened, so no client could grant it";
            }
            if (!clientId.equals(grantClientId)) {
                return "granted for client " + grantClientId + ", not the engagement's client " + clientId;
            }
            String actorId = optionalText(metadata, Actor.ACTOR_ID);
            if (actorId != null && !actorId.equals(clientId)) {
                return "granted by " + actorId + ", not the engagement's client " + clientId;
            }
            String actorRole = optionalText(metadata, Actor.ACTOR_ROLE);
            if (actorRole != null && !actorRole.equals(Role.CLIENT.name())) {
                return "granted by an actor in role " + actorRole + ", not the engagement's client";
            }
            return null;
        }

        String whyUnbacked(JsonNode update) {
            String consentId = text(update, "consentId");
            String audience = text(update, "audience");
            String scope = text(update, "scope");
            String recipientId = text(update, "recipientId");
            String grantEventId = text(update, "consentGrantEventId");
            long grantSequence = integer(update, "consentGrantSequence");
            Instant sharedAt = instant(text(update, "sharedAt"), "sharedAt");
            Consent consent = consents.get(consentId);
            if (closed) {
                return "shared after the engagement was closed";
            }
            if (consent == null) {
                return "cites consent " + consentId + ", which was never granted on this engagement before";
            }
            if (!grantEventId.equals(consent.grantEventId) || consent.grantSequence != grantSequence) {
                return "cites a grant event of consent " + consentId + " that is not the one recorded";
            }
            if (consent.foreign) {
                return "relies on a grant not made by the engagement's client (consent " + consentId + ")";
            }
            if (consent.revoked) {
                return "consent " + consentId + " was revoked before this disclosure";
            }
            if (!consent.audience.equals(audience)) {
                return "consent " + consentId + " is for " + consent.audience + ", not " + audience;
            }
            if (!consent.scopes.contains(scope)) {
                return "consent " + consentId + " does not cover scope " + scope;
            }
            if (consent.validUntil != null && !sharedAt.isBefore(consent.validUntil)) {
                return "consent " + consentId + " expired at " + consent.validUntil + ", before this disclosure";
            }
            String expectedRecipient = "BOSS".equals(audience) ? bossId : hrId;
            if (!recipientId.equals(expectedRecipient)) {
                return "recipient " + recipientId + " is not the engagement's " + audience;
            }
            return null;
        }
    }

    private static final class Consent {
        private String consentId;
        private String grantEventId;
        private long grantSequence;
        private String audience;
        private final Set<String> scopes = new HashSet<>();
        private Instant validUntil;
        private boolean revoked;
        private boolean foreign;

        static Consent granted(StoredEvent event, JsonNode payload) {
            Consent consent = new Consent();
            consent.consentId = text(payload, "consentId");
            consent.grantEventId = event.eventIdentifier();
            consent.grantSequence = event.sequenceNumber();
            consent.audience = text(payload, "audience");
            JsonNode scopes = payload.get("scopes");
            if (scopes == null || !scopes.isArray()) {
                throw new Unreadable("scopes is not a list");
            }
            for (JsonNode scope : scopes) {
                if (!scope.isTextual()) {
                    throw new Unreadable("scopes holds a value that is not text");
                }
                consent.scopes.add(scope.textValue());
            }
            String validUntil = optionalText(payload, "validUntil");
            consent.validUntil = validUntil == null ? null : instant(validUntil, "validUntil");
            return consent;
        }
    }
}
