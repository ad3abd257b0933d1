package coaching.ledger.platform.sealing;

import com.google.crypto.tink.KeysetHandle;

/**
 * Wraps the client data keys under a key kept outside the database, so that the wrapped keys the
 * database holds open nothing without it. {@link KeyEncryptionKey} (a Tink keyset from the
 * environment or a file) provides it; a KMS or Vault plugs in here, e.g. through Tink's KMS AEADs.
 */
public interface DataKeyWrapping {

    /** The id of the key that wraps from now on; recorded beside each wrapped data key. */
    long primaryKeyId();

    /** A client's data key wrapped under the primary, bound to the client: another client's row does not unwrap it. */
    byte[] wrap(String clientId, KeysetHandle dataKey);

    /**
     * A client's data key, from a wrapping made by any key this provider still holds.
     *
     * @throws IllegalStateException if it does not unwrap: another key, or the row was altered or moved
     */
    KeysetHandle unwrap(String clientId, byte[] wrapped);
}
