package coaching.ledger.baseline.audit;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Names the signed-in user on each revision; Envers calls it once per transaction that changes audited rows. */
public class ActorRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        ((AuditRevision) revision).setActor(caller == null ? "system" : caller.getName());
    }
}
