package coaching.ledger.command.receipts;

import coaching.ledger.kernel.Receipt;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Sends a command and answers as docs/http-api.md says: 201 with what was recorded and the actor's
 * version of the engagement ({@link Receipt}), 200 with the same body for an idempotent repeat.
 */
@Component
public class CommandSubmission {

    private final CommandGateway commands;

    public CommandSubmission(CommandGateway commands) {
        this.commands = commands;
    }

    /** For commands on an engagement; {@code idName} names the id of what the command created, if any. */
    public ResponseEntity<Object> onEngagement(String engagementId, Object command, String idName) {
        return onEngagement(engagementId, command, idName, CommandSubmission::recordedOrRepeated);
    }

    /**
     * As {@link #onEngagement(String, Object, String)}, for a command whose receipt may need another
     * answer: {@code answer} turns the receipt and the body into the response.
     */
    public ResponseEntity<Object> onEngagement(
            String engagementId,
            Object command,
            String idName,
            BiFunction<Receipt, Map<String, Object>, ResponseEntity<Object>> answer) {
        Receipt receipt = commands.sendAndWait(command);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("engagementId", engagementId);
        if (idName != null) {
            body.put(idName, receipt.id());
        }
        body.put("version", receipt.version());
        return answer.apply(receipt, body);
    }

    /** For commands that create something outside any engagement (a coach). */
    public ResponseEntity<Object> standalone(Object command, String idName) {
        Receipt receipt = commands.sendAndWait(command);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(idName, receipt.id());
        body.put("version", receipt.version());
        return recordedOrRepeated(receipt, body);
    }

    /** 201 for what was recorded, 200 for an idempotent repeat, with the same body. */
    public static ResponseEntity<Object> recordedOrRepeated(Receipt receipt, Map<String, Object> body) {
        return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(body);
    }
}
