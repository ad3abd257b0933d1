-- The query service instances alive now: each updates its row every few seconds (SegmentBalancer), so
-- the instances can share every projection's segments evenly. Not a view: a replay leaves it alone.
CREATE TABLE query_instance (
    instance_id VARCHAR(64) NOT NULL PRIMARY KEY,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);
