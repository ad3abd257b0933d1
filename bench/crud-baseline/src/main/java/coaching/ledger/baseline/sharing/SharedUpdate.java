package coaching.ledger.baseline.sharing;

import coaching.ledger.baseline.engagement.Audience;
import coaching.ledger.baseline.engagement.Engagement;
import coaching.ledger.baseline.engagement.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

import java.time.Instant;

/** An update the coach shared under a consent; Envers keeps its history in shared_update_aud. */
@Entity
@Audited
@Table(name = "shared_update", uniqueConstraints = @UniqueConstraint(columnNames = {"engagement_id", "update_id"}))
public class SharedUpdate {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "engagement_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Engagement engagement;

    @Column(name = "update_id", nullable = false)
    private String updateId;

    @Enumerated(EnumType.STRING)
    private Audience audience;

    @Enumerated(EnumType.STRING)
    private Scope scope;

    @Column(length = ShareUpdate.MAX_CONTENT)
    private String content;

    private String sharedBy;
    private String consentId;
    private Instant sharedAt;

    protected SharedUpdate() {}

    SharedUpdate(Engagement engagement, ShareUpdate share, String sharedBy, String consentId, Instant sharedAt) {
        this.engagement = engagement;
        this.updateId = share.updateId();
        this.audience = Audience.valueOf(share.audience());
        this.scope = Scope.valueOf(share.scope());
        this.content = share.content();
        this.sharedBy = sharedBy;
        this.consentId = consentId;
        this.sharedAt = sharedAt;
    }

    /** Whether a retry carries the same update (an idempotent repeat) rather than another one under a used id. */
    boolean sameAs(ShareUpdate share) {
        return audience.name().equals(share.audience())
                && scope.name().equals(share.scope())
                && content.equals(share.content());
    }
}
