package coaching.ledger.platform.security;

import coaching.ledger.kernel.Role;

import java.util.LinkedHashMap;
import java.util.Map;

/** The demo users of docs/http-api.md, signed in with password {@code demo} while profile {@code demo} is active. */
final class DemoUsers {

    static final String PASSWORD = "demo";

    static final Map<String, Role> ROLES = roles();

    private DemoUsers() {}

    private static Map<String, Role> roles() {
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("hr-hana", Role.HR);
        roles.put("boss-ben", Role.BOSS);
        roles.put("boss-bea", Role.BOSS);
        roles.put("client-cara", Role.CLIENT);
        roles.put("client-carl", Role.CLIENT);
        roles.put("coach-cole", Role.COACH);
        roles.put("coach-chen", Role.COACH);
        roles.put("compliance-cy", Role.COMPLIANCE);
        roles.put("integrator-ivy", Role.INTEGRATOR);
        roles.put("admin-ada", Role.ADMIN);
        return Map.copyOf(roles);
    }
}
