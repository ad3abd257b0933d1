-- Axon's JDBC dead-letter queue (JdbcSequencedDeadLetterQueue, DeadLetterSchema.defaultSchema() names):
-- the events a view parked because its handler failed, one sequence per engagement (the processors'
-- sequencing policy), in order. Columns as Axon's GenericDeadLetterTableFactory creates them, with
-- BYTEA, never oid large objects, as for the event store (V1). Timestamps are ISO-8601 text, as Axon writes and compares them.
-- A replay of a view empties that view's rows (its processor resets the queue with its tokens).
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL PRIMARY KEY,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    -- also the index for Axon's lookups by processing group and by (processing group, sequence)
    CONSTRAINT uq_dead_letter_sequence_index UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
