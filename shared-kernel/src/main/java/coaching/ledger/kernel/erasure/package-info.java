/**
 * Erasure by crypto-shredding (GDPR Art. 17), the notifications it owes (Art. 19), legal holds that
 * block it, and the audited re-authorisation that lifts its fence.
 */
package coaching.ledger.kernel.erasure;
