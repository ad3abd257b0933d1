package coaching.ledger.query.hr;

import coaching.ledger.kernel.coaches.Certification;

import java.math.BigDecimal;
import java.util.List;

/**
 * A coach of the roster. {@code averageSatisfaction} averages the latest score of each engagement
 * the coach was selected for, and is null below three scores, where it would point at one client.
 */
public record HrCoach(
        String coachId,
        String displayName,
        List<Certification> certifications,
        int yearsExperience,
        List<String> specialties,
        int activeEngagements,
        BigDecimal averageSatisfaction) {}
