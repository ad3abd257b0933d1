package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.testing.OnPostgres;

class DeadLettersPostgresTest extends DeadLettersHttpTest implements OnPostgres {}
