-- HR view (coaching.ledger.query.hr): lifecycle facts, scores, the coach roster, updates addressed to HR.
-- No session data, no satisfaction comments, no content addressed to the boss.
CREATE TABLE hr_engagement (
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
    satisfaction_score   INTEGER,
    version              BIGINT       NOT NULL
);
CREATE INDEX ix_hr_engagement_coach ON hr_engagement (selected_coach_id);

CREATE TABLE hr_update (
    engagement_id   VARCHAR(64)  NOT NULL,
    update_id       VARCHAR(64)  NOT NULL,
    scope           VARCHAR(20)  NOT NULL,
    content         CHARACTER VARYING,
    recipient_id    VARCHAR(255),
    shared_by       VARCHAR(255),
    shared_at       TIMESTAMP(6) WITH TIME ZONE,
    consent_id      VARCHAR(64),
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, update_id)
);

CREATE TABLE hr_coach (
    coach_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    display_name     CHARACTER VARYING,
    certifications   CHARACTER VARYING,
    years_experience INTEGER,
    specialties      CHARACTER VARYING
);
