package coaching.ledger.query.coach;

import coaching.ledger.query.testing.OnPostgres;

class CoachViewPostgresTest extends CoachViewHttpTest implements OnPostgres {}
