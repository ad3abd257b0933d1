package coaching.ledger.app;

import coaching.ledger.platform.testing.LedgerHttp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A revocation racing twenty sharers: nothing may be shared after it in the engagement's own order. */
interface ConcurrentDisclosureScenarios extends LedgerScenario {

    int SHARERS = 20;
    int SHARES_AFTER_REVOCATION = 3;

    @Test
    default void noUpdateIsSharedAfterTheRevocationInTheEngagementsOrder() throws Exception {
        String id = activeEngagement(2);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        CountDownLatch someoneShared = new CountDownLatch(1);
        AtomicBoolean revoked = new AtomicBoolean();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(SHARERS + 1);
        try {
            List<Future<?>> sharers = java.util.stream.IntStream.range(0, SHARERS)
                    .mapToObj(worker -> pool.submit(() -> {
                        int afterRevocation = 0;
                        while (afterRevocation < SHARES_AFTER_REVOCATION) {
                            boolean revokedBefore = revoked.get();
                            LedgerHttp.Response response = http().post(
                                            path(id, "updates"),
                                            worker % 2 == 0 ? "coach-cole" : "client-cara",
                                            "{\"updateId\":\"u-%d\",\"audience\":\"BOSS\",\"scope\":\"PROGRESS\",\"content\":\"note %d\"}"
                                                    .formatted(sequence.incrementAndGet(), worker));
                            statuses.add(response.status());
                            if (response.status() == 201) {
                                someoneShared.countDown();
                            }
                            if (revokedBefore) {
                                afterRevocation++;
                            }
                        }
                    }))
                    .<Future<?>>map(future -> future)
                    .toList();
            Future<?> revoker = pool.submit(() -> {
                someoneShared.await(30, TimeUnit.SECONDS);
                expect(
                        201,
                        http().post(
                                        path(id, "consents/c-1/revocation"),
                                        "client-cara",
                                        "{\"reason\":\"changed my mind\"}"));
                revoked.set(true);
                return null;
            });
            revoker.get(60, TimeUnit.SECONDS);
            for (Future<?> sharer : sharers) {
                sharer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).as("only shares and refusals, never an error").containsOnly(201, 403);
        List<String> order = eventTypes(id);
        int revocation = order.indexOf("UpdateConsentRevoked");
        assertThat(revocation).isPositive();
        assertThat(order.subList(0, revocation)).contains("UpdateShared");
        assertThat(order.subList(revocation + 1, order.size()))
                .hasSizeGreaterThanOrEqualTo(SHARERS * SHARES_AFTER_REVOCATION)
                .containsOnly("DisclosureRefused");
    }
}
