package coaching.ledger.platform.sealing;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sessions.SessionLogged;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An erasure destroys the client's key in the caller's transaction and leaves a fence: envelopes no
 * longer open (in this process at once, in another one that never cached the key either), no new key
 * can be created until a re-authorisation, a rolled-back erasure destroys nothing, and an erasure
 * waits for a transaction that holds the client against erasure.
 */
class ErasureFenceTest {

    private static final SealedField NOTES = SessionLogged.notesField("client-cara", "eng-1", "s-1");

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void anErasedClientsEnvelopesNoLongerOpenAndNoNewKeyIsMadeUntilReauthorised(String vendor) {
        KeyEncryptionKey kek = TestKeks.newKek();
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            JdbcClientDataKeys keys = database.keys(kek);
            Sealer sealer = new Sealer(keys);
            String envelope = sealer.seal(NOTES, "what the client said");
            TransactionTemplate transaction =
                    new TransactionTemplate(new DataSourceTransactionManager(database.pool()));

            transaction.executeWithoutResult(status -> keys.erase("client-cara", "er-1"));

            assertThat(keys.isErased("client-cara")).isTrue();
            assertThatThrownBy(() -> sealer.open(NOTES, envelope)).isInstanceOf(Sealer.ErasedText.class);
            assertThatThrownBy(() -> new Sealer(database.keys(kek)).open(NOTES, envelope))
                    .isInstanceOf(Sealer.ErasedText.class);
            assertThatThrownBy(() -> sealer.open(NOTES, Sealer.ERASED)).isInstanceOf(Sealer.ErasedText.class);
            assertThatThrownBy(() -> sealer.seal(NOTES, "more"))
                    .isInstanceOfSatisfying(
                            Rejection.class,
                            rejection -> assertThat(rejection.reason()).isEqualTo("CLIENT_DATA_ERASED"));
            assertThat(database.jdbc()
                            .queryForObject(
                                    "SELECT COUNT(*) FROM data_key WHERE client_id = 'client-cara' AND wrapped_key IS NULL",
                                    Long.class))
                    .isEqualTo(1);

            transaction.executeWithoutResult(status -> keys.reauthorise("client-cara"));

            String sealedAgain = sealer.seal(NOTES, "what the client said");
            assertThat(sealedAgain).isNotEqualTo(envelope);
            assertThat(sealer.open(NOTES, sealedAgain)).isEqualTo("what the client said");
            assertThatThrownBy(() -> sealer.open(NOTES, envelope)).isInstanceOf(Sealer.UnreadableEnvelope.class);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aRolledBackErasureDestroysNothingAndAClientWithoutKeyGetsTheFenceAlone(String vendor) {
        KeyEncryptionKey kek = TestKeks.newKek();
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            JdbcClientDataKeys keys = database.keys(kek);
            Sealer sealer = new Sealer(keys);
            String envelope = sealer.seal(NOTES, "kept");
            TransactionTemplate transaction =
                    new TransactionTemplate(new DataSourceTransactionManager(database.pool()));

            transaction.executeWithoutResult(status -> {
                keys.erase("client-cara", "er-1");
                status.setRollbackOnly();
            });

            assertThat(keys.isErased("client-cara")).isFalse();
            assertThat(new Sealer(database.keys(kek)).open(NOTES, envelope)).isEqualTo("kept");

            transaction.executeWithoutResult(status -> keys.erase("client-never-sealed", "er-2"));
            assertThat(keys.isErased("client-never-sealed")).isTrue();
            assertThatThrownBy(() -> keys.keyFor("client-never-sealed")).isInstanceOf(Rejection.class);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void anErasureWaitsForATransactionHoldingTheClientAndAHoldAfterItIsRefused(String vendor) throws Exception {
        KeyEncryptionKey kek = TestKeks.newKek();
        try (KeyDatabase database = KeyDatabase.of(vendor)) {
            JdbcClientDataKeys keys = database.keys(kek);
            TransactionTemplate transaction =
                    new TransactionTemplate(new DataSourceTransactionManager(database.pool()));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder =
                    CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                        keys.holdAgainstErasure("client-cara");
                        held.countDown();
                        await(release);
                    }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> erasure = CompletableFuture.runAsync(
                    () -> transaction.executeWithoutResult(status -> keys.erase("client-cara", "er-1")));
            Thread.sleep(300);
            assertThat(erasure).isNotDone();
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            erasure.get(10, TimeUnit.SECONDS);
            assertThat(keys.isErased("client-cara")).isTrue();

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> keys.holdAgainstErasure("client-cara")))
                    .isInstanceOf(Rejection.class);
        }
    }

    @org.junit.jupiter.api.Test
    void onPostgresqlTransactionsHoldingTheSameClientDoNotWaitForEachOther() throws Exception {
        KeyEncryptionKey kek = TestKeks.newKek();
        try (KeyDatabase database = KeyDatabase.of("postgresql")) {
            JdbcClientDataKeys keys = database.keys(kek);
            TransactionTemplate transaction =
                    new TransactionTemplate(new DataSourceTransactionManager(database.pool()));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> first =
                    CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                        keys.holdAgainstErasure("client-cara");
                        held.countDown();
                        await(release);
                    }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture.runAsync(
                            () -> transaction.executeWithoutResult(status -> keys.holdAgainstErasure("client-cara")))
                    .get(5, TimeUnit.SECONDS); // while the first still holds it

            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
