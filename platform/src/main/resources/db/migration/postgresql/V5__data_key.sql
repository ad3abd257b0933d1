-- One data key per client (platform sealing/JdbcClientDataKeys): an AES-256-SIV keyset, wrapped by the
-- key-encryption key that is kept outside the database (ledger.keys.kek / ledger.keys.kek-file), with
-- the client id as associated data (not named client_*: those are the client view's tables). kek_key_id
-- names the KEK key that wrapped it, so a rotation can tell which rows it has re-wrapped. A backup of this
-- table opens nothing without the KEK.
CREATE TABLE data_key (
    client_id   VARCHAR(64)  PRIMARY KEY,
    wrapped_key BYTEA NOT NULL,
    kek_key_id  BIGINT       NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);
