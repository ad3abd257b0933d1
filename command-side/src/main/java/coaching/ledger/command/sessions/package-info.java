/**
 * Sessions: the selected coach logs the sessions held, while the engagement is active. Owns the rule
 * that no more sessions are logged than the boss approved; notes never leave client and coach.
 */
package coaching.ledger.command.sessions;
