package coaching.ledger.query.pages;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import coaching.ledger.platform.security.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in: the pages show it and choose what to offer by it. */
@RestController
public class MeEndpoint {

    /**
     * The principal's id, role and page ({@code null} for a role without one), and whether this process takes
     * commands: the query service serves the pages read-only, without their forms.
     */
    public record Me(String id, Role role, String page, boolean writes) {}

    private final boolean writes;

    public MeEndpoint(@Value("${ledger.pages.writes:true}") boolean writes) {
        this.writes = writes;
    }

    @GetMapping("/api/v1/me")
    public Me me() {
        Actor actor = CurrentActor.require();
        String page = Page.of(SecurityContextHolder.getContext().getAuthentication())
                .map(Page::path)
                .orElse(null);
        return new Me(actor.id(), actor.role(), page, writes);
    }
}
