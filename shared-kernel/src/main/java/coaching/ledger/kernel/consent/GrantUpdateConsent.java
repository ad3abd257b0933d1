package coaching.ledger.kernel.consent;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/**
 * {@code validUntil} is optional: without it the consent holds until revoked or the engagement closes.
 * {@code noticeVersion} names the consent notice the client was shown (see UpdateConsentGranted).
 */
public record GrantUpdateConsent(
        @TargetAggregateIdentifier @LedgerId String engagementId,
        @LedgerId String consentId,
        @NotNull Audience audience,
        @NotEmpty Set<@NotNull Scope> scopes,
        @Future Instant validUntil,
        @NotBlank @Size(max = 500) String purpose,

        @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "must be 1 to 40 characters of [A-Za-z0-9._-]")
        String noticeVersion) {}
