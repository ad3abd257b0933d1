package coaching.ledger.command.erasure;

import coaching.ledger.kernel.erasure.ClientDataErased;
import coaching.ledger.kernel.erasure.ErasureNotificationDue;

import java.util.ArrayList;
import java.util.List;

/** One erasure as recorded: its event and the notifications it made due, one per recipient. */
public record Erasure(ClientDataErased erased, List<ErasureNotificationDue> notifications) {

    Erasure with(ErasureNotificationDue notification) {
        List<ErasureNotificationDue> due = new ArrayList<>(notifications);
        due.add(notification);
        return new Erasure(erased, List.copyOf(due));
    }

    boolean isDue(String recipientId) {
        return notifications.stream().anyMatch(due -> due.recipientId().equals(recipientId));
    }
}
