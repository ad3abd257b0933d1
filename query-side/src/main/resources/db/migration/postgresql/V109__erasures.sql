-- Erasure by crypto-shredding (issue 14), compliance's view: each erasure of a client's data, the
-- recipients of earlier disclosures it must notify (GDPR Art. 19) and the updates each received, and
-- the legal holds on an engagement. No personal text: the reasons are compliance's own references.
CREATE TABLE compliance_erasure (
    erasure_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_id               VARCHAR(64)  NOT NULL,
    reason                  TEXT,
    erased_by               VARCHAR(255),
    erased_at               TIMESTAMPTZ,
    engagement_ids          TEXT,
    legacy_plaintext_fields INTEGER      NOT NULL
);
CREATE INDEX ix_compliance_erasure_client ON compliance_erasure (client_id);

CREATE TABLE compliance_erasure_recipient (
    erasure_id      VARCHAR(64)  NOT NULL,
    recipient_id    VARCHAR(255) NOT NULL,
    client_id       VARCHAR(64)  NOT NULL,
    recipient_role  VARCHAR(20),
    notified        BOOLEAN      DEFAULT FALSE NOT NULL,
    notified_at     TIMESTAMPTZ,
    notified_by     VARCHAR(255),
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (erasure_id, recipient_id)
);
CREATE INDEX ix_compliance_erasure_recipient_client ON compliance_erasure_recipient (client_id);

CREATE TABLE compliance_erasure_update (
    erasure_id    VARCHAR(64)  NOT NULL,
    recipient_id  VARCHAR(255) NOT NULL,
    engagement_id VARCHAR(64)  NOT NULL,
    update_id     VARCHAR(64)  NOT NULL,
    client_id     VARCHAR(64)  NOT NULL,
    shared_at     TIMESTAMPTZ,
    PRIMARY KEY (erasure_id, recipient_id, engagement_id, update_id)
);
CREATE INDEX ix_compliance_erasure_update_client ON compliance_erasure_update (client_id);

-- The engagements whose client's data was erased: the export marks their confidential fields erased
-- from this table instead of reading the event store per request.
CREATE TABLE erased_engagement (
    engagement_id VARCHAR(64) NOT NULL PRIMARY KEY,
    client_id     VARCHAR(64) NOT NULL,
    erasure_id    VARCHAR(64) NOT NULL
);

CREATE TABLE compliance_legal_hold (
    engagement_id   VARCHAR(64)  NOT NULL,
    hold_id         VARCHAR(64)  NOT NULL,
    reason          TEXT,
    placed_by       VARCHAR(255),
    placed_at       TIMESTAMPTZ,
    released_by     VARCHAR(255),
    released_at     TIMESTAMPTZ,
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, hold_id)
);
