/**
 * Legal holds: compliance holds an engagement for litigation or an investigation, and while a hold is in
 * force the engagement's client cannot be erased. No party sees a hold.
 */
package coaching.ledger.command.legalhold;
