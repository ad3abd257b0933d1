package coaching.ledger.query.hr;

import coaching.ledger.query.testing.OnPostgres;

class HrLiveStreamPostgresTest extends HrLiveStreamHttpTest implements OnPostgres {}
