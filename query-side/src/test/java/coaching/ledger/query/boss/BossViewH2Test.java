package coaching.ledger.query.boss;

import coaching.ledger.query.testing.OnH2;

class BossViewH2Test extends BossViewHttpTest implements OnH2 {}
