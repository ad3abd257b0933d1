package coaching.ledger.platform.sealing;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.erasure.ErasureConflict;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Client data keys in the table {@code data_key}, each an AES-256-SIV keyset wrapped by a
 * {@link DataKeyWrapping} (the {@link KeyEncryptionKey}) bound to its client (a wrapped key copied to
 * another client's row does not unwrap). A new key is inserted and committed in a transaction of its own
 * before anything is sealed under it; when two processes race, the primary key lets one insert win
 * and both read back and use the winner's key.
 *
 * <p>Unwrapped keys are kept in a bounded cache whose entries expire after {@code cacheTtl}: an
 * erasure drops the key from this process's cache at once, and other processes (a query service, a
 * second command service) stop using it within that time. Their views do not wait for it: they
 * replace the client's envelopes when they see the erasure event.
 *
 * <p>An erased client's row keeps no key, only the fence ({@code erasure_id}, {@code erased_at}).
 */
public final class JdbcClientDataKeys implements ClientDataKeys {

    static {
        try {
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final DataKeyWrapping wrapping;
    private final Cache<String, DeterministicAead> unwrapped;
    private volatile String rowLock;

    public JdbcClientDataKeys(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            DataKeyWrapping wrapping,
            long cachedKeys,
            Duration cacheTtl) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.wrapping = wrapping;
        this.unwrapped = Caffeine.newBuilder()
                .maximumSize(cachedKeys)
                .expireAfterWrite(cacheTtl)
                .build();
    }

    @Override
    public DeterministicAead keyFor(String clientId) {
        return existingKeyFor(clientId).orElseGet(() -> {
            insertIfAbsent(clientId);
            return existingKeyFor(clientId).orElseThrow(() -> erased(clientId));
        });
    }

    @Override
    public Optional<DeterministicAead> existingKeyFor(String clientId) {
        DeterministicAead cached = unwrapped.getIfPresent(clientId);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<byte[]> wrapped = jdbc.query(
                "SELECT wrapped_key FROM data_key WHERE client_id = ? AND wrapped_key IS NOT NULL",
                (row, n) -> row.getBytes(1),
                clientId);
        if (wrapped.isEmpty()) {
            return Optional.empty();
        }
        DeterministicAead key = unwrap(clientId, wrapped.get(0));
        unwrapped.put(clientId, key);
        return Optional.of(key);
    }

    @Override
    public boolean isErased(String clientId) {
        return !jdbc.queryForList(
                        "SELECT erasure_id FROM data_key WHERE client_id = ? AND erasure_id IS NOT NULL",
                        String.class,
                        clientId)
                .isEmpty();
    }

    @Override
    public void holdAgainstErasure(String clientId) {
        keyFor(clientId);
        List<String> fence = jdbc.queryForList(
                "SELECT erasure_id FROM data_key WHERE client_id = ? " + rowLock(), String.class, clientId);
        if (fence.isEmpty() || fence.get(0) != null) {
            unwrapped.invalidate(clientId);
            throw erased(clientId);
        }
    }

    /**
     * PostgreSQL's shared row lock lets transactions holding the same client run side by side while
     * the erasure's update waits for all of them; H2 has only the exclusive one.
     */
    private String rowLock() {
        if (rowLock == null) {
            String database = jdbc.execute((ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName());
            rowLock = "PostgreSQL".equals(database) ? "FOR SHARE" : "FOR UPDATE";
        }
        return rowLock;
    }

    @Override
    public void erase(String clientId, String erasureId) {
        int destroyed = jdbc.update(
                "UPDATE data_key SET wrapped_key = NULL, kek_key_id = NULL, erasure_id = ?, erased_at = CURRENT_TIMESTAMP"
                        + " WHERE client_id = ? AND erasure_id IS NULL",
                erasureId,
                clientId);
        if (destroyed == 0 && !isErased(clientId)) {
            jdbc.update(
                    "INSERT INTO data_key (client_id, erasure_id, erased_at, created_at)"
                            + " VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                    clientId,
                    erasureId);
        }
        unwrapped.invalidate(clientId);
    }

    @Override
    public void reauthorise(String clientId) {
        jdbc.update("DELETE FROM data_key WHERE client_id = ? AND erasure_id IS NOT NULL", clientId);
        unwrapped.invalidate(clientId);
    }

    private static Rejection erased(String clientId) {
        return Rejection.conflict(
                "the data of client " + clientId + " was erased: nothing more can be recorded about the client"
                        + " until compliance re-authorises it",
                ErasureConflict.CLIENT_DATA_ERASED);
    }

    private void insertIfAbsent(String clientId) {
        byte[] wrapped = wrapping.wrap(clientId, newDataKey());
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO data_key (client_id, wrapped_key, kek_key_id, created_at)"
                            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                    clientId,
                    wrapped,
                    wrapping.primaryKeyId()));
        } catch (DuplicateKeyException anotherProcessWon) {
            // its key is the client's key
        }
    }

    private static KeysetHandle newDataKey() {
        try {
            return KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a data key", e);
        }
    }

    private DeterministicAead unwrap(String clientId, byte[] wrapped) {
        try {
            return wrapping.unwrap(clientId, wrapped)
                    .getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the data key of client " + clientId + " is not a deterministic AEAD key", e);
        }
    }
}
