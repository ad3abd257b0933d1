-- Erasure by crypto-shredding (platform sealing/JdbcClientDataKeys.erase): the wrapped key is destroyed
-- and the row stays as the client's erasure fence, naming the erasure, so no later key can be created for
-- the client until compliance re-authorises it (the row is then deleted). A fenced row has no key, and a
-- row with a key is not fenced.
ALTER TABLE data_key ALTER COLUMN wrapped_key DROP NOT NULL;
ALTER TABLE data_key ALTER COLUMN kek_key_id DROP NOT NULL;
ALTER TABLE data_key ADD COLUMN erasure_id VARCHAR(64);
ALTER TABLE data_key ADD COLUMN erased_at TIMESTAMP;
ALTER TABLE data_key ADD CONSTRAINT data_key_fenced_or_keyed CHECK (
    (erasure_id IS NULL AND wrapped_key IS NOT NULL AND kek_key_id IS NOT NULL)
    OR (erasure_id IS NOT NULL AND wrapped_key IS NULL AND kek_key_id IS NULL AND erased_at IS NOT NULL));
