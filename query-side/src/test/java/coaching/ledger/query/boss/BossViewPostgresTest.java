package coaching.ledger.query.boss;

import coaching.ledger.query.testing.OnPostgres;

class BossViewPostgresTest extends BossViewHttpTest implements OnPostgres {}
