-- Every party's view counts its own version of an engagement (issue 12): the number of the
-- engagement's events that view shows (kernel PartyView), minus one, instead of the sequence number
-- of the last event it applied, whose gaps told a boss that sessions were logged. last_sequence is
-- the sequence number of the last event counted, so a redelivered event is not counted twice; it is
-- never read out. The opening creates a row at version 0 through these defaults.
ALTER TABLE client_engagement ADD COLUMN last_sequence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE coach_engagement ADD COLUMN last_sequence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE boss_engagement ADD COLUMN last_sequence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE hr_engagement ADD COLUMN last_sequence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE client_engagement ALTER COLUMN version SET DEFAULT 0;
ALTER TABLE coach_engagement ALTER COLUMN version SET DEFAULT 0;
ALTER TABLE boss_engagement ALTER COLUMN version SET DEFAULT 0;
ALTER TABLE hr_engagement ALTER COLUMN version SET DEFAULT 0;

-- The coach view lists the updates shared in the coach's engagements: to whom, which scope, by
-- whom, when. Never their content.
CREATE TABLE coach_update (
    engagement_id   VARCHAR(64)  NOT NULL,
    update_id       VARCHAR(64)  NOT NULL,
    audience        VARCHAR(10)  NOT NULL,
    scope           VARCHAR(20)  NOT NULL,
    shared_by       VARCHAR(255),
    shared_at       TIMESTAMPTZ,
    sequence_number BIGINT       NOT NULL,
    PRIMARY KEY (engagement_id, update_id)
);

-- The four party views of an existing database hold versions of the old rule and no shared updates:
-- they are rebuilt from the first event when the query side starts (as POST
-- /api/v1/admin/projections/{name}/replay would): their rows, their processors' tokens and their
-- parked events go, and a processor without a token starts from the first event. The compliance
-- view keeps the engagement's sequence number as its version and is left alone.
DELETE FROM client_engagement;
DELETE FROM client_session;
DELETE FROM client_consent;
DELETE FROM client_disclosure;
DELETE FROM client_refusal;
DELETE FROM client_request;
DELETE FROM coach_engagement;
DELETE FROM coach_session;
DELETE FROM coach_consent;
DELETE FROM coach_request;
DELETE FROM boss_engagement;
DELETE FROM boss_update;
DELETE FROM hr_engagement;
DELETE FROM hr_update;
DELETE FROM hr_coach;
DELETE FROM TokenEntry WHERE processorName IN ('client', 'coach', 'boss', 'hr');
DELETE FROM DeadLetterEntry WHERE processingGroup IN ('client', 'coach', 'boss', 'hr');
