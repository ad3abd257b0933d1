package coaching.ledger.query.compliance;

import coaching.ledger.query.testing.OnH2;

class ErasuresH2Test extends ErasuresHttpTest implements OnH2 {}
