package coaching.ledger.platform.sealing;

import com.google.crypto.tink.DeterministicAead;

import java.util.Optional;

/**
 * One data key per client: the key every confidential text about that client is sealed under. An
 * erasure destroys it and leaves a fence in its place, so no later key can be created for the client
 * (a new one would make later texts readable again, and a restored backup's key could not be told
 * apart) until compliance re-authorises the client.
 */
public interface ClientDataKeys {

    /**
     * The client's data key, created if the client has none yet. A key is handed out only once it is
     * durably stored, and processes racing to create one all get the one that was stored.
     *
     * @throws coaching.ledger.kernel.Rejection a conflict ({@code CLIENT_DATA_ERASED}) if the client's
     *     data was erased
     */
    DeterministicAead keyFor(String clientId);

    /** The client's data key, if one was ever created and not erased. */
    Optional<DeterministicAead> existingKeyFor(String clientId);

    /** Whether the client's data was erased and not re-authorised since (read from the store, not a cache). */
    boolean isErased(String clientId);

    /**
     * In the caller's transaction: makes sure the client has a key and locks it until that transaction
     * ends, so an erasure of the same client waits for it (and then sees what it recorded).
     *
     * @throws coaching.ledger.kernel.Rejection a conflict ({@code CLIENT_DATA_ERASED}) if the client's
     *     data was erased
     */
    void holdAgainstErasure(String clientId);

    /**
     * In the caller's transaction: destroys the client's key and writes the erasure fence naming
     * {@code erasureId}; undone if that transaction rolls back. A client that never had a key gets the
     * fence alone.
     */
    void erase(String clientId, String erasureId);

    /** In the caller's transaction: lifts the client's erasure fence; the next {@link #keyFor} creates a new key. */
    void reauthorise(String clientId);
}
