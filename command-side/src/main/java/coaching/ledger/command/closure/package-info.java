/**
 * Closure: the client rates satisfaction once the engagement has been active; HR or the boss close
 * it. Owns the rule that closing ends every consent still in force.
 */
package coaching.ledger.command.closure;
