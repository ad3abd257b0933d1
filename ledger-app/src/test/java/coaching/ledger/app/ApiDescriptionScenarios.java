package coaching.ledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published OpenAPI document describes the API of docs/http-api.md (HttpApiDocumentationTest compares the two) and needs no credentials to read. */
interface ApiDescriptionScenarios extends LedgerScenario {

    @Test
    default void theOpenApiDocumentListsTheLedgersEndpoints() {
        JsonNode api = expect(200, http().get("/v3/api-docs", null)).json();
        assertThat(api.get("info").get("title").asText()).isEqualTo("Engagement ledger");
        assertThat(api.get("info").get("description").asText()).contains("at most 262144 bytes (larger: 413)");
        assertThat(api.get("components").get("securitySchemes").has("basic")).isTrue();
        assertThat(api.get("paths").properties())
                .extracting(java.util.Map.Entry::getKey)
                .contains(
                        "/api/v1/coaches",
                        "/api/v1/engagements",
                        "/api/v1/engagements/{engagementId}/updates",
                        "/api/v1/engagements/{engagementId}/consents/{consentId}/revocation",
                        "/api/v1/hr/engagements",
                        "/api/v1/client/engagements/{engagementId}",
                        "/api/v1/compliance/verification",
                        "/api/v1/events",
                        "/api/v1/admin/projections/{name}/replay");
    }
}
