/** What erasure needs of the database besides the data keys: which client each engagement is for. */
package coaching.ledger.platform.erasure;
