package coaching.ledger.baseline.engagement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Set;

/** The client's consent to share updates of some scopes with one audience; in force until revoked or expired. */
@Entity
@Audited
@Table(name = "consent", uniqueConstraints = @UniqueConstraint(columnNames = {"engagement_id", "consent_id"}))
public class Consent {

    @Id
    @GeneratedValue
    private Long id;

    // the engagement row itself is not audited: consents and shares never change it
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "engagement_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Engagement engagement;

    @Column(name = "consent_id", nullable = false)
    private String consentId;

    @Enumerated(EnumType.STRING)
    private Audience audience;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_scope", joinColumns = @JoinColumn(name = "consent_row_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "scope")
    private Set<Scope> scopes;

    private Instant grantedAt;
    private Instant validUntil;
    private Instant revokedAt;

    protected Consent() {}

    public Consent(Engagement engagement, String consentId, Audience audience, Set<Scope> scopes, Instant grantedAt) {
        this.engagement = engagement;
        this.consentId = consentId;
        this.audience = audience;
        this.scopes = Set.copyOf(scopes);
        this.grantedAt = grantedAt;
    }

    public String consentId() {
        return consentId;
    }
}
