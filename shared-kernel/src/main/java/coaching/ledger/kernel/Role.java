package coaching.ledger.kernel;

/** The one role a principal acts in; see docs/http-api.md, "People, roles and authentication". */
public enum Role {
    HR,
    BOSS,
    CLIENT,
    COACH,
    COMPLIANCE,
    INTEGRATOR,
    ADMIN
}
