package coaching.ledger.command;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.platform.web.ProblemResponses;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a command and answers as API.md says: 201 with what was recorded and the actor's version of
 * the engagement ({@link Receipt}), 200 with the same body for an idempotent repeat, 403 for a refused
 * disclosure (which is recorded).
 */
@Component
public class CommandSubmission {

    private final CommandGateway commands;

    public CommandSubmission(CommandGateway commands) {
        this.commands = commands;
    }

    /** For commands on an engagement; {@code idName} names the id of what the command created, if any. */
    public ResponseEntity<Object> onEngagement(String engagementId, Object command, String idName) {
        Receipt receipt = commands.sendAndWait(command);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("engagementId", engagementId);
        if (idName != null) {
            body.put(idName, receipt.id());
        }
        body.put("version", receipt.version());
        if (receipt.isRefused()) {
            return refused(body, receipt);
        }
        return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    /** For commands that create something outside any engagement (a coach). */
    public ResponseEntity<Object> standalone(Object command, String idName) {
        Receipt receipt = commands.sendAndWait(command);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idName, receipt.id());
        body.put("version", receipt.version());
        return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    private static ResponseEntity<Object> refused(Map<String, Object> body, Receipt receipt) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, "Disclosure refused",
                "no consent in force allows this update (" + receipt.refusal() + "); the attempt is recorded,"
                        + " its content is not");
        problem.setProperty("reason", receipt.refusal());
        body.forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
