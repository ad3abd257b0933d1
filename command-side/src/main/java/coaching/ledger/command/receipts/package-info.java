/**
 * Receipts: what every capability shares and none owns. A {@code Decision} (record an event, or
 * repeat a receipt), the repeat-or-conflict rule over a {@code Recorded} fingerprint (an id is used
 * once, by one principal, with one content), and the HTTP answer of a receipt, 201 or 200.
 * Depends on no capability.
 */
package coaching.ledger.command.receipts;
