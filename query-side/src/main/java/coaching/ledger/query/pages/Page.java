package coaching.ledger.query.pages;

import coaching.ledger.kernel.Role;
import org.springframework.security.core.Authentication;

import java.util.Arrays;
import java.util.Optional;

/** The page of each role that has one: its path, and the HTML file under classpath:pages/ that it serves. */
public enum Page {
    HR(Role.HR, "/hr"),
    CLIENT(Role.CLIENT, "/client"),
    BOSS(Role.BOSS, "/boss"),
    COACH(Role.COACH, "/coach"),
    COMPLIANCE(Role.COMPLIANCE, "/compliance"),
    ADMIN(Role.ADMIN, "/admin");

    private final Role role;
    private final String path;

    Page(Role role, String path) {
        this.role = role;
        this.path = path;
    }

    public Role role() {
        return role;
    }

    public String path() {
        return path;
    }

    String file() {
        return "pages" + path + ".html";
    }

    /** The page of the signed-in principal's role; none for an integrator, whose work is the export API. */
    static Optional<Page> of(Authentication principal) {
        return Arrays.stream(values())
                .filter(page -> principal.getAuthorities().stream()
                        .anyMatch(granted -> granted.getAuthority().equals("ROLE_" + page.role.name())))
                .findFirst();
    }

    static String[] paths() {
        return Arrays.stream(values()).map(Page::path).toArray(String[]::new);
    }
}
