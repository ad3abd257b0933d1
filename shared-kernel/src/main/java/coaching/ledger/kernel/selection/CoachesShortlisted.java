package coaching.ledger.kernel.selection;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record CoachesShortlisted(String engagementId, List<String> coachIds) {}
