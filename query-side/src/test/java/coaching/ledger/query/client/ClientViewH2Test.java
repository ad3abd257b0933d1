package coaching.ledger.query.client;

import coaching.ledger.query.testing.OnH2;

class ClientViewH2Test extends ClientViewHttpTest implements OnH2 {}
