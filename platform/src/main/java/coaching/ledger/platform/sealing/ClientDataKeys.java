package coaching.ledger.platform.sealing;

import com.google.crypto.tink.DeterministicAead;

import java.util.Optional;

/** One data key per client: the key every confidential text about that client is sealed under. */
public interface ClientDataKeys {

    /**
     * The client's data key, created if the client has none yet. A key is handed out only once it is
     * durably stored, and processes racing to create one all get the one that was stored.
     */
    DeterministicAead keyFor(String clientId);

    /** The client's data key, if one was ever created. */
    Optional<DeterministicAead> existingKeyFor(String clientId);
}
