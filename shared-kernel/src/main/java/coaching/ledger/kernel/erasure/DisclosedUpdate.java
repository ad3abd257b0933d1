package coaching.ledger.kernel.erasure;

import java.time.Instant;

/** One update a recipient received about the client: where, which, and when. */
public record DisclosedUpdate(String engagementId, String updateId, Instant sharedAt) {}
