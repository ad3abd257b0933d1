package coaching.ledger.command.erasure;

import java.util.List;

/** The engagements of each client, as an erasure must know them. */
public interface ClientEngagements {

    /**
     * In the transaction of the command opening the engagement: holds the client against erasure (an
     * erasure racing it waits, then finds the engagement) and records which client it is for.
     *
     * @throws coaching.ledger.kernel.Rejection a conflict ({@code CLIENT_DATA_ERASED}) if the client's
     *     data was erased
     */
    void enrol(String engagementId, String clientId);

    /** Every engagement ever opened for the client, read from its events; empty for an unknown client. */
    List<EngagementHistory> of(String clientId);
}
