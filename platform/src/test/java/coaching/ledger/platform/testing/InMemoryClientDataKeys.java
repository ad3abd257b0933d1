package coaching.ledger.platform.testing;

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

    /** A sealer over fresh in-memory keys. */
    public static Sealer sealer() {
        return new Sealer(new InMemoryClientDataKeys());
    }

    @Override
    public DeterministicAead keyFor(String clientId) {
        return keys.computeIfAbsent(clientId, id -> newKey());
    }

    @Override
    public Optional<DeterministicAead> existingKeyFor(String clientId) {
        return Optional.ofNullable(keys.get(clientId));
    }

    /** Forgets the client's key, as an erasure destroys it. */
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
