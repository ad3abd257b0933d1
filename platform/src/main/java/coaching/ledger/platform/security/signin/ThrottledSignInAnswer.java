package coaching.ledger.platform.security.signin;

import coaching.ledger.platform.web.ProblemResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/** 429 with Retry-After (whole seconds, rounded up) for a throttled sign-in; any other failure as before. */
public class ThrottledSignInAnswer implements AuthenticationEntryPoint {

    private final ProblemResponses problems;
    private final AuthenticationEntryPoint otherwise;

    public ThrottledSignInAnswer(ProblemResponses problems, AuthenticationEntryPoint otherwise) {
        this.problems = problems;
        this.otherwise = otherwise;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if (!(failure instanceof SignInThrottled throttled)) {
            otherwise.commence(request, response, failure);
            return;
        }
        long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        problems.write(
                request,
                response,
                ProblemResponses.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "too many failed sign-ins for this user name or from this address; retry after " + seconds
                                + " s"));
    }
}
