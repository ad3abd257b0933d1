package coaching.ledger.kernel.selection;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

@Revision("1")
public record BudgetApproved(String engagementId, int sessions, BigDecimal amount, String currency) {}
