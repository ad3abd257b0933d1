/**
 * Lifecycle: where an engagement stands (opened, shortlisted, active, closed), which several
 * capabilities' rules ask. Depends on no capability.
 */
package coaching.ledger.command.lifecycle;
