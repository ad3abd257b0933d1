package coaching.ledger.baseline.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionMapping;

/** Envers' revision row (id, timestamp) plus who acted: the audit trail a team adds to the default one. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(ActorRevisionListener.class)
public class AuditRevision extends RevisionMapping {

    private String actor;

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }
}
