package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.testing.OnH2;

class DeadLettersH2Test extends DeadLettersHttpTest implements OnH2 {}
