package coaching.ledger.platform.testing;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.erasure.ErasureConflict;
import coaching.ledger.platform.sealing.ClientDataKeys;
import coaching.ledger.platform.sealing.Sealer;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Client data keys held in memory, for tests that seal without a database (aggregate fixtures). */
public final class InMemoryClientDataKeys implements ClientDataKeys {

    static {
        try {
            DeterministicAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<String, DeterministicAead> keys = new ConcurrentHashMap<>();
    private final Map<String, String> fences = new ConcurrentHashMap<>();

    /** A sealer over fresh in-memory keys. */
    public static Sealer sealer() {
        return new Sealer(new InMemoryClientDataKeys());
    }

    @Override
    public DeterministicAead keyFor(String clientId) {
        if (fences.containsKey(clientId)) {
            throw Rejection.conflict(
                    "the data of client " + clientId + " was erased", ErasureConflict.CLIENT_DATA_ERASED);
        }
        return keys.computeIfAbsent(clientId, id -> newKey());
    }

    @Override
    public Optional<DeterministicAead> existingKeyFor(String clientId) {
        return Optional.ofNullable(keys.get(clientId));
    }

    @Override
    public boolean isErased(String clientId) {
        return fences.containsKey(clientId);
    }

    @Override
    public void holdAgainstErasure(String clientId) {
        keyFor(clientId);
    }

    @Override
    public void erase(String clientId, String erasureId) {
        fences.putIfAbsent(clientId, erasureId);
        keys.remove(clientId);
    }

    @Override
    public void reauthorise(String clientId) {
        fences.remove(clientId);
    }

    /** Forgets the client's key without a fence, as if it had been lost. */
    public void destroy(String clientId) {
        keys.remove(clientId);
    }

    private static DeterministicAead newKey() {
        try {
            return KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV)
                    .getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
