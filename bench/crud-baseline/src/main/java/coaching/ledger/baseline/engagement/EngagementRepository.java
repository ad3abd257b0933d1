package coaching.ledger.baseline.engagement;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface EngagementRepository extends JpaRepository<Engagement, String> {

    /** SELECT … FOR UPDATE: shares on one engagement run one after the other, as the ledger's aggregate does. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Engagement e where e.id = :id")
    Optional<Engagement> lockById(String id);
}
