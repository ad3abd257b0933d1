package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure racing the opening of an engagement for the same client: whichever wins, never an erased
 * client with an engagement that is not closed. The opening holds the client against erasure in its
 * transaction; the erasure waits for it and then finds the engagement, or the opening finds the fence.
 */
interface ErasureRaceScenarios extends LedgerScenario {

    int ROUNDS = 8;

    @Test
    default void anErasureAndAnOpeningForTheSameClientNeverLeaveAnErasedClientWithAnOpenEngagement() {
        for (int round = 0; round < ROUNDS; round++) {
            String client = newId("racer");
            String first = newId("eng");
            expect(201, open(client, first));
            expect(201, http().post(path(first, "closure"), "hr-hana", """
                    {"outcome":"TERMINATED","reason":"never started"}"""));
            String second = newId("eng");
            CountDownLatch start = new CountDownLatch(1);

            CompletableFuture<LedgerHttp.Response> erasure =
                    race(start, () -> http().post("/api/v1/clients/" + client + "/erasure", "compliance-cy", """
                    {"erasureId":"er-1","reason":"ticket"}"""));
            CompletableFuture<LedgerHttp.Response> opening = race(start, () -> open(client, second));
            start.countDown();

            LedgerHttp.Response erased = erasure.join();
            LedgerHttp.Response opened = opening.join();
            if (erased.status() == 201) {
                assertThat(opened.status()).as("round %d: %s", round, opened).isEqualTo(409);
                assertThat(opened.json().get("reason").asText()).isEqualTo("CLIENT_DATA_ERASED");
                assertThat(history(second))
                        .as("round %d: the refused opening recorded nothing", round)
                        .isEmpty();
            } else {
                assertThat(erased.status()).as("round %d: %s", round, erased).isEqualTo(409);
                assertThat(erased.json().get("reason").asText()).isEqualTo("ENGAGEMENT_NOT_CLOSED");
                assertThat(opened.status()).as("round %d: %s", round, opened).isEqualTo(201);
                // the refused erasure destroyed nothing: the new engagement's texts still seal
                expect(201, http().post(path(second, "closure"), "hr-hana", """
                        {"outcome":"TERMINATED","reason":"sealed under the client's key"}"""));
            }
        }
    }

    private static CompletableFuture<LedgerHttp.Response> race(
            CountDownLatch start, Supplier<LedgerHttp.Response> request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return request.get();
        });
    }

    private LedgerHttp.Response open(String clientId, String engagementId) {
        return http().post("/api/v1/engagements", "hr-hana", """
                {"engagementId":"%s","clientId":"%s","bossId":"boss-ben","purpose":"DEVELOPMENTAL","urgency":"NORMAL"}""".formatted(engagementId, clientId));
    }
}
