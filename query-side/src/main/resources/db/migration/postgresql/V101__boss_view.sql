-- Boss view (coaching.ledger.query.boss): lifecycle facts and updates addressed to the boss.
CREATE TABLE boss_engagement (
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
    version              BIGINT       NOT NULL
);
CREATE INDEX ix_boss_engagement_boss ON boss_engagement (boss_id);

CREATE TABLE boss_update (
    engagement_id   VARCHAR(64)  NOT NULL,
    update_id       VARCHAR(64)  NOT NULL,
    scope           VARCHAR(20)  NOT NULL,
    content         TEXT,
    shared_at       TIMESTAMPTZ,
    shared_by       VARCHAR(255),
    consent_id      VARCHAR(64),
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, update_id)
);
