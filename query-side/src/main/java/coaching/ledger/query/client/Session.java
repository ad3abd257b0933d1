package coaching.ledger.query.client;

import java.time.LocalDate;

public record Session(String sessionId, String coachId, LocalDate heldOn, int durationMinutes, String notes) {}
