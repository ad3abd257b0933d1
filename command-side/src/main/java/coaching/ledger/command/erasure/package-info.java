/**
 * Erasure by crypto-shredding (GDPR Art. 17): compliance erases a client's confidential data by
 * destroying the client's data key, once every engagement of the client is closed and none is under a
 * legal hold; the recipients of the client's disclosures are due a notification (Art. 19); a
 * re-authorisation lifts the erasure fence for a client who comes back. The client's record is the
 * {@link coaching.ledger.command.erasure.ClientPrivacy} aggregate on the stream {@code client:<id>}.
 */
package coaching.ledger.command.erasure;
