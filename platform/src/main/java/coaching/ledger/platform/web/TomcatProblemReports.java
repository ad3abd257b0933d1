package coaching.ledger.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before Spring sees them (a request line or headers larger than
 * {@code server.max-http-request-header-size}, a request it cannot parse) and answers them with an
 * HTML page. This valve answers them with a problem document, like every other error of the ledger.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatProblemReports {

    @Bean
    ProblemReportValveInstaller problemReportValve(JsonMapper json) {
        return new ProblemReportValveInstaller(json);
    }

    /**
     * Runs after Spring Boot's customizer, which puts its own ErrorReportValve on the host: added later,
     * this valve sits inside that one and reports first; Boot's then sees a written body and keeps quiet.
     */
    record ProblemReportValveInstaller(JsonMapper json)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(
                    context -> context.getParent().getPipeline().addValve(new ProblemReportValve(json)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    static final class ProblemReportValve extends ErrorReportValve {

        private final JsonMapper json;

        ProblemReportValve(JsonMapper json) {
            this.json = json;
        }

        /** The same guards as Tomcat's own report: an error status, nothing written yet, I/O still possible. */
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = ProblemResponses.problem(
                    known != null ? known : HttpStatus.BAD_REQUEST,
                    known != null ? known.getReasonPhrase() : "Bad Request",
                    "the server refused the request before reading it: its request line or headers are malformed or too large");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getReporter().write(json.writeValueAsString(problem));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is already on its way: nothing more to tell it
            }
        }
    }
}
