/**
 * What the HTTP endpoints of several views share: identifiers in paths and query parameters are
 * checked as in command bodies, with the kernel's own message (400), and each long read (an export,
 * a verification) runs at most a few times at once per role, beyond which the caller gets 429 with
 * Retry-After. Nothing here touches the database or knows a view.
 */
package coaching.ledger.query.web;
