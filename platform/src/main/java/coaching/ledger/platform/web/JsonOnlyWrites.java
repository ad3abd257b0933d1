package coaching.ledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * Every POST, PUT, PATCH and DELETE under {@code /api/} must say {@code Content-Type: application/json}
 * (a charset or other parameter is fine), even without a body (projection replay, dead-letter retry, a
 * revocation without reason): anything else is 415. This is the API's defence against forged requests
 * from a browser, which sends cached HTTP Basic credentials along with a request a hostile page makes:
 * such a page can send a form or plain text without asking, but {@code application/json} only after a
 * CORS preflight, and the ledger approves none (it configures no CORS mapping). So CSRF tokens are not
 * needed for this stateless API (SecurityConfiguration).
 * <p>
 * Runs after Spring Security: a caller without valid credentials learns 401 and nothing about the
 * request's shape; an authenticated caller learns 415 before the role check (403) and the body (400).
 * <p>
 * A write whose {@code Accept} rules out JSON (or cannot be parsed) is 406 here, before the command
 * runs: left to Spring MVC, the command would be recorded and only its answer refused.
 */
@Component
public class JsonOnlyWrites extends OncePerRequestFilter implements Ordered {

    static final String API = "/api/";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ProblemResponses problems;

    public JsonOnlyWrites(ProblemResponses problems) {
        this.problems = problems;
    }

    /** Just after Spring Security's filter chain. */
    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod())
                || !request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .startsWith(API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acceptsJson(request.getHeaders(HttpHeaders.ACCEPT))) {
            problems.write(
                    request,
                    response,
                    ProblemResponses.invalid(
                            HttpStatus.NOT_ACCEPTABLE,
                            "Not acceptable",
                            List.of(new FieldError(
                                    HttpHeaders.ACCEPT,
                                    "must accept " + MediaType.APPLICATION_JSON_VALUE + " or "
                                            + MediaType.APPLICATION_PROBLEM_JSON_VALUE + " (or omit the header)"))));
            return;
        }
        if (isJson(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(
                request,
                response,
                ProblemResponses.invalid(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported media type",
                        List.of(new FieldError(
                                HttpHeaders.CONTENT_TYPE,
                                "must be " + MediaType.APPLICATION_JSON_VALUE + " on every " + request.getMethod()
                                        + " under " + API + ", also without a body"))));
    }

    /** No Accept header accepts anything; otherwise one of its types must include JSON or problem+json. */
    static boolean acceptsJson(Enumeration<String> acceptHeaders) {
        if (acceptHeaders == null || !acceptHeaders.hasMoreElements()) {
            return true;
        }
        try {
            for (String header : Collections.list(acceptHeaders)) {
                for (MediaType accepted : MediaType.parseMediaTypes(header)) {
                    if (accepted.includes(MediaType.APPLICATION_JSON)
                            || accepted.includes(MediaType.APPLICATION_PROBLEM_JSON)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_JSON);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
