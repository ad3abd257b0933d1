package coaching.ledger.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Re-checks, from the stored events alone, that every {@code UpdateShared} was backed by a consent
 * valid at that moment of its engagement: the consent exists, is the grant the event cites, names
 * the audience and scope, was neither revoked nor expired, the engagement was not closed, and the
 * recipient is the engagement's boss or HR person. Reads payloads as JSON trees by field name, so
 * every revision of an event is read alike. Keeps a few facts per engagement, never content.
 */
class DisclosureAudit {

    private final ObjectMapper json;
    private final Consumer<VerificationReport.Problem> problems;
    private final Map<String, Engagement> engagements = new HashMap<>();
    private long disclosuresChecked;

    DisclosureAudit(ObjectMapper json, Consumer<VerificationReport.Problem> problems) {
        this.json = json;
        this.problems = problems;
    }

    long disclosuresChecked() {
        return disclosuresChecked;
    }

    void accept(StoredEvent event) {
        String type = event.simpleType();
        if (!RELEVANT.contains(type)) {
            return;
        }
        JsonNode payload;
        try {
            payload = json.readTree(event.payload());
        } catch (IOException e) {
            problems.accept(new VerificationReport.Problem(
                    event.globalIndex(),
                    event.eventIdentifier(),
                    VerificationReport.Kind.UNREADABLE,
                    "payload of " + type + " is not readable JSON"));
            return;
        }
        Engagement engagement =
                engagements.computeIfAbsent(payload.path("engagementId").asText(), id -> new Engagement());
        switch (type) {
            case "EngagementOpened" -> {
                engagement.bossId = payload.path("bossId").asText();
                engagement.hrId = payload.path("hrId").asText();
            }
            case "UpdateConsentGranted" ->
                engagement.consents.put(payload.path("consentId").asText(), Consent.granted(event, payload));
            case "UpdateConsentRevoked" -> {
                Consent consent =
                        engagement.consents.get(payload.path("consentId").asText());
                if (consent != null) {
                    consent.revoked = true;
                }
            }
            case "EngagementClosed" -> engagement.closed = true;
            case "UpdateShared" -> {
                disclosuresChecked++;
                String unbacked = engagement.whyUnbacked(payload);
                if (unbacked != null) {
                    problems.accept(new VerificationReport.Problem(
                            event.globalIndex(),
                            event.eventIdentifier(),
                            VerificationReport.Kind.UNBACKED_DISCLOSURE,
                            unbacked));
                }
            }
            default -> throw new IllegalStateException("unhandled relevant type " + type);
        }
    }

    private static final Set<String> RELEVANT = Set.of(
            "EngagementOpened", "UpdateConsentGranted", "UpdateConsentRevoked", "EngagementClosed", "UpdateShared");

    private static final class Engagement {
        private String bossId;
        private String hrId;
        private boolean closed;
        private final Map<String, Consent> consents = new HashMap<>();

        String whyUnbacked(JsonNode update) {
            String consentId = update.path("consentId").asText();
            Consent consent = consents.get(consentId);
            String audience = update.path("audience").asText();
            if (closed) {
                return "shared after the engagement was closed";
            }
            if (consent == null) {
                return "cites consent " + consentId + ", which was never granted on this engagement before";
            }
            if (!consent.grantEventId.equals(update.path("consentGrantEventId").asText())
                    || consent.grantSequence
                            != update.path("consentGrantSequence").asLong(-1)) {
                return "cites a grant event of consent " + consentId + " that is not the one recorded";
            }
            if (consent.revoked) {
                return "consent " + consentId + " was revoked before this disclosure";
            }
            if (!consent.audience.equals(audience)) {
                return "consent " + consentId + " is for " + consent.audience + ", not " + audience;
            }
            if (!consent.scopes.contains(update.path("scope").asText())) {
                return "consent " + consentId + " does not cover scope "
                        + update.path("scope").asText();
            }
            if (consent.validUntil != null
                    && !Instant.parse(update.path("sharedAt").asText()).isBefore(consent.validUntil)) {
                return "consent " + consentId + " expired at " + consent.validUntil + ", before this disclosure";
            }
            String expectedRecipient = "BOSS".equals(audience) ? bossId : hrId;
            if (!update.path("recipientId").asText().equals(expectedRecipient)) {
                return "recipient " + update.path("recipientId").asText() + " is not the engagement's " + audience;
            }
            return null;
        }
    }

    private static final class Consent {
        private String grantEventId;
        private long grantSequence;
        private String audience;
        private final Set<String> scopes = new HashSet<>();
        private Instant validUntil;
        private boolean revoked;

        static Consent granted(StoredEvent event, JsonNode payload) {
            Consent consent = new Consent();
            consent.grantEventId = event.eventIdentifier();
            consent.grantSequence = event.sequenceNumber();
            consent.audience = payload.path("audience").asText();
            payload.path("scopes").forEach(scope -> consent.scopes.add(scope.asText()));
            JsonNode validUntil = payload.path("validUntil");
            consent.validUntil = validUntil.isTextual() ? Instant.parse(validUntil.asText()) : null;
            return consent;
        }
    }
}
