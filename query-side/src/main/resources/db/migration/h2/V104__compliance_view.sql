-- Compliance view (coaching.ledger.query.compliance): the disclosure ledger with consent traces.
-- No content of any kind: no update content, no session notes, no satisfaction comments.
CREATE TABLE compliance_engagement (
    engagement_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version       BIGINT      NOT NULL
);

CREATE TABLE compliance_consent (
    engagement_id      VARCHAR(64)  NOT NULL,
    consent_id         VARCHAR(64)  NOT NULL,
    audience           VARCHAR(10)  NOT NULL,
    scopes             VARCHAR(100) NOT NULL,
    valid_until        TIMESTAMP(6) WITH TIME ZONE,
    purpose            CHARACTER VARYING,
    granted_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    grant_event_id     VARCHAR(255) NOT NULL,
    grant_global_index BIGINT,
    state              VARCHAR(10)  NOT NULL,
    revoke_reason      CHARACTER VARYING,
    state_changed_at   TIMESTAMP(6) WITH TIME ZONE,
    sequence_number    BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, consent_id)
);

CREATE TABLE compliance_disclosure (
    event_id            VARCHAR(255) NOT NULL PRIMARY KEY,
    engagement_id       VARCHAR(64)  NOT NULL,
    global_index        BIGINT,
    update_id           VARCHAR(64),
    shared_at           TIMESTAMP(6) WITH TIME ZONE,
    actor_id            VARCHAR(255),
    actor_role          VARCHAR(20),
    recipient_id        VARCHAR(255),
    audience            VARCHAR(10),
    scope               VARCHAR(20),
    purpose             CHARACTER VARYING,
    consent_id          VARCHAR(64),
    grant_event_id      VARCHAR(255),
    grant_global_index  BIGINT,
    granted_at          TIMESTAMP(6) WITH TIME ZONE,
    scopes              VARCHAR(100),
    valid_until         TIMESTAMP(6) WITH TIME ZONE,
    state_at_disclosure VARCHAR(10),
    sequence_number     BIGINT       NOT NULL
);
CREATE INDEX ix_compliance_disclosure_engagement ON compliance_disclosure (engagement_id, sequence_number);

CREATE TABLE compliance_refusal (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    engagement_id   VARCHAR(64)  NOT NULL,
    global_index    BIGINT,
    update_id       VARCHAR(64),
    refused_at      TIMESTAMP(6) WITH TIME ZONE,
    actor_id        VARCHAR(255),
    actor_role      VARCHAR(20),
    audience        VARCHAR(10),
    scope           VARCHAR(20),
    reason          VARCHAR(30),
    sequence_number BIGINT       NOT NULL
);
CREATE INDEX ix_compliance_refusal_engagement ON compliance_refusal (engagement_id, sequence_number);
