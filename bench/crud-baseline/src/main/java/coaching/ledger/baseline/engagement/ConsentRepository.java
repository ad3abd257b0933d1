package coaching.ledger.baseline.engagement;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

public interface ConsentRepository extends JpaRepository<Consent, Long> {

    /** Consents of the engagement naming the audience and covering the scope, not revoked and not expired at {@code now}. */
    @Query("""
            select c from Consent c
            where c.engagement = :engagement and c.audience = :audience and :scope member of c.scopes
              and c.revokedAt is null and (c.validUntil is null or c.validUntil > :now)
            order by c.grantedAt""")
    List<Consent> inForce(Engagement engagement, Audience audience, Scope scope, Instant now);
}
