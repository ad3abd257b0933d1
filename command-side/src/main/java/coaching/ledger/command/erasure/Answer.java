package coaching.ledger.command.erasure;

/**
 * What a command on a client's record answers: what it recorded, or for an idempotent repeat what its
 * original recorded ({@code repeated}: HTTP 200 instead of 201, with the same body).
 */
public record Answer<T>(T recorded, boolean repeated) {}
