package coaching.ledger.baseline.sharing;

import org.springframework.http.HttpStatus;

/** What a share answers: recorded (or repeated), or refused with the ledger's status and reason. */
sealed interface ShareOutcome {

    record Shared(String engagementId, String updateId, boolean repeat) implements ShareOutcome {}

    record Refused(HttpStatus status, String title, String reason) implements ShareOutcome {}
}
