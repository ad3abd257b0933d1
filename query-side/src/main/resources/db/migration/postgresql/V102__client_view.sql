-- Client view (coaching.ledger.query.client): everything of the client's own engagement.
CREATE TABLE client_engagement (
    engagement_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    client_id            VARCHAR(64),
    boss_id              VARCHAR(64),
    hr_id                VARCHAR(255),
    purpose              VARCHAR(20),
    urgency              VARCHAR(20),
    status               VARCHAR(20)  NOT NULL,
    shortlist            VARCHAR(1000),
    selected_coach_id    VARCHAR(64),
    budget_sessions      INTEGER,
    budget_amount        NUMERIC(14, 2),
    budget_currency      VARCHAR(3),
    opened_at            TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,
    outcome              VARCHAR(20),
    close_reason         TEXT,
    satisfaction_score   INTEGER,
    satisfaction_comment TEXT,
    version              BIGINT       NOT NULL
);
CREATE INDEX ix_client_engagement_client ON client_engagement (client_id);

CREATE TABLE client_session (
    engagement_id    VARCHAR(64) NOT NULL,
    session_id       VARCHAR(64) NOT NULL,
    coach_id         VARCHAR(64),
    held_on          DATE,
    duration_minutes INTEGER,
    notes            TEXT,
    sequence_number  BIGINT      NOT NULL,
    PRIMARY KEY (engagement_id, session_id)
);

CREATE TABLE client_consent (
    engagement_id      VARCHAR(64)  NOT NULL,
    consent_id         VARCHAR(64)  NOT NULL,
    audience           VARCHAR(10)  NOT NULL,
    scopes             VARCHAR(100) NOT NULL,
    valid_until        TIMESTAMPTZ,
    purpose            TEXT,
    granted_at         TIMESTAMPTZ NOT NULL,
    grant_event_id     VARCHAR(255) NOT NULL,
    grant_global_index BIGINT,
    state              VARCHAR(10)  NOT NULL,
    revoke_reason      TEXT,
    state_changed_at   TIMESTAMPTZ,
    sequence_number    BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, consent_id)
);

CREATE TABLE client_disclosure (
    engagement_id   VARCHAR(64)  NOT NULL,
    update_id       VARCHAR(64)  NOT NULL,
    audience        VARCHAR(10)  NOT NULL,
    scope           VARCHAR(20)  NOT NULL,
    content         TEXT,
    recipient_id    VARCHAR(255),
    shared_by       VARCHAR(255),
    shared_at       TIMESTAMPTZ,
    consent_id      VARCHAR(64),
    purpose         TEXT,
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, update_id)
);

CREATE TABLE client_refusal (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    engagement_id   VARCHAR(64)  NOT NULL,
    update_id       VARCHAR(64),
    audience        VARCHAR(10),
    scope           VARCHAR(20),
    attempted_by    VARCHAR(255),
    reason          VARCHAR(30),
    refused_at      TIMESTAMPTZ,
    sequence_number BIGINT       NOT NULL
);
CREATE INDEX ix_client_refusal_engagement ON client_refusal (engagement_id, sequence_number);

CREATE TABLE client_request (
    engagement_id         VARCHAR(64)  NOT NULL,
    request_id            VARCHAR(64)  NOT NULL,
    audience              VARCHAR(10)  NOT NULL,
    scope                 VARCHAR(20)  NOT NULL,
    message               TEXT,
    requested_by          VARCHAR(255),
    requested_at          TIMESTAMPTZ NOT NULL,
    answered_by_update_id VARCHAR(64),
    sequence_number       BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, request_id)
);
