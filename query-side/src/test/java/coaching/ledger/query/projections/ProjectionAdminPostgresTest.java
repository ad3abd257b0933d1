package coaching.ledger.query.projections;

import coaching.ledger.query.testing.OnPostgres;

class ProjectionAdminPostgresTest extends ProjectionAdminHttpTest implements OnPostgres {}
