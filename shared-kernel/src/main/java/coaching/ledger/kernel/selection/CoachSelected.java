package coaching.ledger.kernel.selection;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CoachSelected(String engagementId, String coachId) {}
