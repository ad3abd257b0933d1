-- The HR engagement list answers a page at a time (issue 16), filtered by status and ordered by when an
-- engagement opened: with these indexes a page reads its rows in order instead of sorting the whole
-- table. The id closes each order, so it closes each index too.
CREATE INDEX ix_hr_engagement_opened ON hr_engagement (opened_at, engagement_id);
CREATE INDEX ix_hr_engagement_status_opened ON hr_engagement (status, opened_at, engagement_id);
