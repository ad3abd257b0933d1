package coaching.ledger.query.compliance;

import coaching.ledger.query.testing.OnPostgres;

class ErasuresPostgresTest extends ErasuresHttpTest implements OnPostgres {}
