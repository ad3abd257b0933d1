package coaching.ledger.kernel.coaches;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A coaching credential: the awarding body, the credential, and the date it lapses (if it does). */
public record Certification(
        @NotBlank @Size(max = 200) String body,
        @NotBlank @Size(max = 200) String credential,
        LocalDate validUntil) {}
