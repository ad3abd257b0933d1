package coaching.ledger.query.compliance;

import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure ledger over HTTP; run on H2 and on PostgreSQL by the subclasses. */
abstract class ComplianceViewHttpTest extends QuerySideHttpTest {

    private static final String DISCLOSURES = "/api/v1/compliance/disclosures";

    @Autowired
    private EventStore eventStore;

    ComplianceViewHttpTest() {
        super(ViewVersion.lastHandledBy(ComplianceProjection.class));
    }

    @Test
    void complianceSeesWhereEachDisclosureAndItsGrantSitInTheStoreButNoContent() throws InterruptedException {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("audit")));
        String path = DISCLOSURES + "?engagementId=" + story.engagementId();

        JsonNode ledger = awaitJson(path, "compliance-cy", showsVersion(story.engagementId()));

        JsonNode toBoss = ledger.get(0).path("disclosures").get(0);
        assertThat(toBoss.path("globalIndex").asLong())
                .isEqualTo(globalIndexOf(story.steps().get(9).eventId()));
        assertThat(toBoss.path("consent").path("grantGlobalIndex").asLong())
                .isEqualTo(globalIndexOf(story.bossConsentGrant().eventId()));
        assertThat(toBoss.path("consent").path("stateAtDisclosure").asText()).isEqualTo("ACTIVE");
        assertThat(toBoss.path("actor").path("id").asText()).isEqualTo("coach-cole");
        assertThat(ledger.get(0).path("refusals").get(0).path("reason").asText())
                .isEqualTo("SCOPE_NOT_COVERED");
        assertThat(ledger.toString())
                .doesNotContain(story.secrets().sessionNotes())
                .doesNotContain(story.secrets().bossContent())
                .doesNotContain(story.secrets().hrContent())
                .doesNotContain(story.secrets().satisfactionComment());
    }

    @Test
    void theEngagementIdNarrowsTheLedgerToThatEngagement() {
        String first = tell(EngagementStory.of(newEngagementId("audit"))).engagementId();
        String second = tell(EngagementStory.of(newEngagementId("audit"))).engagementId();
        awaitJson(DISCLOSURES, "compliance-cy", showsVersion(first, second));

        JsonNode filtered = http.get(DISCLOSURES + "?engagementId=" + first, "compliance-cy")
                .json();

        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).path("engagementId").asText()).isEqualTo(first);
    }

    @Test
    void anEngagementIdOfTheWrongShapeIsABadRequest() {
        var response = http.get(DISCLOSURES + "?engagementId=no*such", "compliance-cy");

        assertStatus(response, 400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("engagementId");
    }

    @Test
    void onlyComplianceMayReadTheDisclosureLedger() {
        for (String user : new String[] {"hr-hana", "boss-ben", "client-cara", "coach-cole", "integrator-ivy"}) {
            assertStatus(http.get(DISCLOSURES, user), 403);
        }
        assertStatus(http.get(DISCLOSURES, null), 401);
    }

    /** Read from the event store itself, not from any view. */
    private long globalIndexOf(String eventId) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getIdentifier().equals(eventId)) {
                    return event.trackingToken().position().orElseThrow();
                }
            }
        }
        throw new AssertionError("no event " + eventId + " in the store");
    }
}
