/**
 * Consent: the client grants and revokes consents to updates for their boss or HR. Owns the policy
 * behind no disclosure without consent: which consent, if any, allows an update to an audience and
 * scope at a given moment of the engagement's history.
 */
package coaching.ledger.command.consent;
