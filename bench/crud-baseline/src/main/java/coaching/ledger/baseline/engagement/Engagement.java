package coaching.ledger.baseline.engagement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An engagement's parties and status: the row every share locks. */
@Entity
@Table(name = "engagement")
public class Engagement {

    public enum Status {
        ACTIVE,
        CLOSED
    }

    @Id
    private String id;

    private String clientId;
    private String bossId;
    private String coachId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Version
    private Long version; // null until persisted: save() then inserts without a select first

    protected Engagement() {}

    public Engagement(String id, String clientId, String bossId, String coachId) {
        this.id = id;
        this.clientId = clientId;
        this.bossId = bossId;
        this.coachId = coachId;
        this.status = Status.ACTIVE;
    }

    public String id() {
        return id;
    }

    public String clientId() {
        return clientId;
    }

    public String bossId() {
        return bossId;
    }

    public String coachId() {
        return coachId;
    }

    public Status status() {
        return status;
    }
}
