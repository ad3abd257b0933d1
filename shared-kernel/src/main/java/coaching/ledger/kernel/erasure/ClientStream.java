package coaching.ledger.kernel.erasure;

/**
 * A client's erasure record lives in a stream of its own, named {@code client:<clientId>}: the colon
 * cannot occur in an id, so it can never collide with an engagement or a coach stream.
 */
public final class ClientStream {

    private static final String PREFIX = "client:";

    private ClientStream() {}

    public static String of(String clientId) {
        return PREFIX + clientId;
    }
}
