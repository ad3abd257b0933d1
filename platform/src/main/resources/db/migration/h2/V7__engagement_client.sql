-- Which client each engagement is for, so an erasure finds every engagement of its client without
-- reading the whole event store. Written by the command that opens an engagement, in the transaction
-- that records its EngagementOpened event; engagements opened before this table existed are filled in
-- by V7_1 (db.migration.<vendor>.V7_1__Engagement_client_backfill) from their EngagementOpened events.
CREATE TABLE engagement_client (
    engagement_id VARCHAR(64) PRIMARY KEY,
    client_id     VARCHAR(64) NOT NULL
);
CREATE INDEX engagement_client_by_client ON engagement_client (client_id);
