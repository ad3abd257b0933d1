package coaching.ledger.kernel.coaches;

import coaching.ledger.kernel.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

public record RegisterCoach(
        @LedgerId String coachId,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(max = 20) List<@NotNull @Valid Certification> certifications,
        @NotNull @PositiveOrZero @Max(70) Integer yearsExperience,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 100) String> specialties) {

    @TargetAggregateIdentifier
    public String streamId() {
        return CoachStream.of(coachId);
    }
}
