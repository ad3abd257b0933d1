-- The one gap rule (EventChainSealer): positions of the global index that were still empty while later
-- events were stored. observedAt is when the sealer first found the gap, by the database's clock;
-- givenUpAt when it stopped waiting, after the gap timeout. From then on the views no longer take an
-- event that commits into the range, the sealer links over it (in its next round), and verification
-- reports an event found there as LATE_COMMIT. Rows of gaps that filled in time are deleted.
CREATE TABLE event_chain_gap (
    firstIndex BIGINT                   NOT NULL PRIMARY KEY,
    lastIndex  BIGINT                   NOT NULL,
    observedAt TIMESTAMP WITH TIME ZONE NOT NULL,
    givenUpAt  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_event_chain_gap_last ON event_chain_gap (lastIndex);
