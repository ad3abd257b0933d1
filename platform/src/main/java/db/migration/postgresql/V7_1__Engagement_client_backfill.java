package db.migration.postgresql;

import coaching.ledger.platform.erasure.EngagementClientBackfill;

/** See {@link EngagementClientBackfill}. */
public class V7_1__Engagement_client_backfill extends EngagementClientBackfill {}
