package coaching.ledger.query.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Serves the pages: {@code /} is the sign-in page and sends a signed-in person to their role's page; each
 * role's page is static HTML whose scripts read the API with the session (PageSecurity decides who may open it).
 */
@Hidden
@RestController
public class PageController {

    /** Every path the pages' security chain answers; the rest is the API's. */
    static final String[] PATHS = {
        "/", "/login", "/logout", "/assets/**", "/hr", "/client", "/boss", "/coach", "/compliance", "/admin"
    };

    static final String FORBIDDEN = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Not your page</title><link rel=\"stylesheet\" href=\"/assets/ledger.css\"></head>"
            + "<body><main><h1>Not your page</h1><p>This page is for another role.</p>"
            + "<p><a href=\"/\">Go to your page</a></p></main></body></html>";

    @GetMapping("/")
    public ResponseEntity<Resource> signIn(Authentication principal) {
        if (principal != null && !(principal instanceof AnonymousAuthenticationToken)) {
            var home = Page.of(principal);
            if (home.isPresent()) {
                return ResponseEntity.status(HttpStatus.FOUND)
                        .location(URI.create(home.get().path()))
                        .build();
            }
        }
        return html("pages/sign-in.html");
    }

    @GetMapping({"/hr", "/client", "/boss", "/coach", "/compliance", "/admin"})
    public ResponseEntity<Resource> page(Authentication principal) {
        return html(Page.of(principal).orElseThrow().file());
    }

    private static ResponseEntity<Resource> html(String file) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
                .body(new ClassPathResource(file));
    }
}
