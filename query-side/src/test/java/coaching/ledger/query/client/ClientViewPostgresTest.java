package coaching.ledger.query.client;

import coaching.ledger.query.testing.OnPostgres;

class ClientViewPostgresTest extends ClientViewHttpTest implements OnPostgres {}
