-- Coach view (coaching.ledger.query.coach): sessions, consents in force and open requests of the
-- engagements a coach was selected for. No update content.
CREATE TABLE coach_engagement (
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
    opened_at            TIMESTAMP(6) WITH TIME ZONE,
    closed_at            TIMESTAMP(6) WITH TIME ZONE,
    outcome              VARCHAR(20),
    version              BIGINT       NOT NULL
);
CREATE INDEX ix_coach_engagement_coach ON coach_engagement (selected_coach_id);

CREATE TABLE coach_session (
    engagement_id    VARCHAR(64) NOT NULL,
    session_id       VARCHAR(64) NOT NULL,
    coach_id         VARCHAR(64),
    held_on          DATE,
    duration_minutes INTEGER,
    notes            CHARACTER VARYING,
    sequence_number  BIGINT      NOT NULL,
    PRIMARY KEY (engagement_id, session_id)
);

CREATE TABLE coach_consent (
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

CREATE TABLE coach_request (
    engagement_id         VARCHAR(64)  NOT NULL,
    request_id            VARCHAR(64)  NOT NULL,
    audience              VARCHAR(10)  NOT NULL,
    scope                 VARCHAR(20)  NOT NULL,
    message               CHARACTER VARYING,
    requested_by          VARCHAR(255),
    requested_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    answered_by_update_id VARCHAR(64),
    sequence_number       BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, request_id)
);
