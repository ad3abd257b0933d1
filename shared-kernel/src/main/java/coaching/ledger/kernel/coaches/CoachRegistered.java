package coaching.ledger.kernel.coaches;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record CoachRegistered(
        String coachId,
        String displayName,
        List<Certification> certifications,
        int yearsExperience,
        List<String> specialties) {}
