package coaching.ledger.query.hr;

import coaching.ledger.query.testing.OnPostgres;

class HrViewPostgresTest extends HrViewHttpTest implements OnPostgres {}
