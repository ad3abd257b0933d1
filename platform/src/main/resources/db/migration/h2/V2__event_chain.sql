-- Tamper evidence: every stored event is sealed into two SHA-256 chains, one per stream and one across
-- the whole store, computed over its bytes as stored (see platform/.../audit/EventChainSealer.java).
CREATE TABLE event_chain (
    globalIndex         BIGINT       NOT NULL PRIMARY KEY,
    previousGlobalIndex BIGINT       NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    eventHash           CHAR(64)     NOT NULL,
    streamHash          CHAR(64)     NOT NULL,
    chainHash           CHAR(64)     NOT NULL,
    sealedAt            VARCHAR(40)  NOT NULL
);
CREATE INDEX ix_event_chain_stream ON event_chain (aggregateIdentifier, sequenceNumber);

-- The chain's head: the last sealed event and the chain hash after it. Sealers lock this row, so
-- only one of several processes extends the chain at a time.
CREATE TABLE event_chain_head (
    id             INTEGER     NOT NULL PRIMARY KEY,
    lastIndex      BIGINT      NOT NULL,
    lastHash       CHAR(64)    NOT NULL
);
INSERT INTO event_chain_head (id, lastIndex, lastHash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
