package coaching.ledger.platform.security;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated principal of the current request, as the ledger's {@link Actor}. */
public final class CurrentActor {

    static final String ROLE_PREFIX = "ROLE_";

    private CurrentActor() {}

    public static Actor require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("no authenticated principal");
        }
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> Role.valueOf(authority.substring(ROLE_PREFIX.length())))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("principal has no ledger role"));
        return new Actor(authentication.getName(), role);
    }
}
