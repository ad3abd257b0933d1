/**
 * Selection: HR opens an engagement and shortlists registered coaches, the client selects one of them,
 * the boss approves the budget; the engagement is active once both happened. Owns the rule that only
 * registered coaches are shortlisted and only a shortlisted one is selected.
 */
package coaching.ledger.command.selection;
