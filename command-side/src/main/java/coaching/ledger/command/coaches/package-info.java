/**
 * Coaches: HR's vetted pool, one aggregate per coach, outside any engagement, and the registry other
 * capabilities ask whether a coach is registered. Owns the rule that only HR registers a coach, once.
 */
package coaching.ledger.command.coaches;
