package coaching.ledger.query.projections;

import coaching.ledger.query.testing.OnH2;

class ProjectionAdminH2Test extends ProjectionAdminHttpTest implements OnH2 {}
