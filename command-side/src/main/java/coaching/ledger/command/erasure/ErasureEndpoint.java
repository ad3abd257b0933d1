package coaching.ledger.command.erasure;

import coaching.ledger.kernel.erasure.ClientDataReauthorised;
import coaching.ledger.kernel.erasure.EraseClientData;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;
import coaching.ledger.kernel.erasure.ErasureRecipientNotified;
import coaching.ledger.kernel.erasure.ReauthoriseClientData;
import coaching.ledger.kernel.erasure.RecordRecipientNotified;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Compliance erases a client's data, records the Art. 19 notifications given, and re-authorises a client. */
@RestController
class ErasureEndpoint {

    private final CommandGateway commands;

    ErasureEndpoint(CommandGateway commands) {
        this.commands = commands;
    }

    record ErasureRequest(String erasureId, String reason) {}

    @PostMapping("/api/v1/clients/{clientId}/erasure")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<Object> erase(@PathVariable String clientId, @RequestBody ErasureRequest body) {
        Answer<Erasure> answer = commands.sendAndWait(new EraseClientData(clientId, body.erasureId(), body.reason()));
        return respond(answer, erasure -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("clientId", erasure.erased().clientId());
            json.put("erasureId", erasure.erased().erasureId());
            json.put("erasedAt", erasure.erased().erasedAt());
            json.put("engagementIds", erasure.erased().engagementIds());
            json.put(
                    "recipients",
                    erasure.notifications().stream()
                            .map(ErasureEndpoint::recipient)
                            .toList());
            json.put("legacyPlaintextFields", erasure.erased().legacyPlaintextFields());
            return json;
        });
    }

    private static Map<String, Object> recipient(ErasureNotificationDue due) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recipientId", due.recipientId());
        json.put("role", due.recipientRole());
        json.put("updates", due.updates());
        return json;
    }

    record ReauthorisationRequest(String reauthorisationId, String reason) {}

    @PostMapping("/api/v1/clients/{clientId}/reauthorisation")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<Object> reauthorise(@PathVariable String clientId, @RequestBody ReauthorisationRequest body) {
        Answer<ClientDataReauthorised> answer =
                commands.sendAndWait(new ReauthoriseClientData(clientId, body.reauthorisationId(), body.reason()));
        return respond(
                answer,
                reauthorised -> Map.of(
                        "clientId", reauthorised.clientId(),
                        "reauthorisationId", reauthorised.reauthorisationId(),
                        "reauthorisedAt", reauthorised.reauthorisedAt()));
    }

    /** The erasure is recorded on its client's stream: the body names the client. */
    record NotifiedRequest(String clientId) {}

    @PostMapping("/api/v1/compliance/erasures/{erasureId}/recipients/{recipientId}/notified")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ResponseEntity<Object> notified(
            @PathVariable String erasureId, @PathVariable String recipientId, @RequestBody NotifiedRequest body) {
        Answer<ErasureRecipientNotified> answer =
                commands.sendAndWait(new RecordRecipientNotified(body.clientId(), erasureId, recipientId));
        return respond(
                answer,
                notified -> Map.of(
                        "clientId", notified.clientId(),
                        "erasureId", notified.erasureId(),
                        "recipientId", notified.recipientId(),
                        "notifiedAt", notified.notifiedAt()));
    }

    /** 201 with what was recorded, 200 with the same body for an idempotent repeat. */
    private static <T> ResponseEntity<Object> respond(Answer<T> answer, Function<T, Object> body) {
        return ResponseEntity.status(answer.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(body.apply(answer.recorded()));
    }
}
