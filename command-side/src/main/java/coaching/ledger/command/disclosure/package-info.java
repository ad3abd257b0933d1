/**
 * Disclosure: the boss or HR request updates; the client or the selected coach share them. Owns the
 * decision between {@code UpdateShared} (under the consent in force, which it cites) and
 * {@code DisclosureRefused} (recorded without content), and the 403 "Disclosure refused" answer.
 */
package coaching.ledger.command.disclosure;
