/**
 * The engagement: the one aggregate every capability's rules run in, so each is judged in the
 * engagement's own event order (no disclosure without consent can race a revocation). It resolves
 * who acts, asks the capability's decision, applies what was decided; receipts answer each party's
 * own version. Also the snapshot filter that trusts only snapshots of its current state shape and key.
 */
package coaching.ledger.command.engagement;
