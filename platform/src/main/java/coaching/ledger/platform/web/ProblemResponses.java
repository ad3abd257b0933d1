package coaching.ledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Builds the ledger's RFC 9457 problem documents, for controllers and for filters that answer
 * before a controller runs (authentication, malformed correlation id).
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:ledger:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        return invalid(HttpStatus.BAD_REQUEST, "Invalid request", errors);
    }

    /** A problem with what the request says in named places: body fields, parameters or headers. */
    public static ProblemDetail invalid(HttpStatus status, String title, List<FieldError> errors) {
        ProblemDetail problem = problem(
                status,
                title,
                errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** 429: the caller may try again after {@code retryAfter} (the Retry-After header, in whole seconds). */
    public static ResponseEntity<ProblemDetail> tooManyRequests(String detail, Duration retryAfter) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfter);
    }

    public static ResponseEntity<ProblemDetail> notYetAvailable(String detail, Duration retryAfter) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "Not available yet", detail, retryAfter);
    }

    private static ResponseEntity<ProblemDetail> retryLater(
            HttpStatus status, String title, String detail, Duration retryAfter) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, title, detail));
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            boolean challenge)
            throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"engagement-ledger\"");
        }
        write(request, response, problem(status, title, detail));
    }

    public void writeInvalid(HttpServletRequest request, HttpServletResponse response, List<FieldError> errors)
            throws IOException {
        write(request, response, invalid(errors));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException hostilePath) {
            // a path the firewall rejected need not be a valid URI: the answer goes without instance
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
