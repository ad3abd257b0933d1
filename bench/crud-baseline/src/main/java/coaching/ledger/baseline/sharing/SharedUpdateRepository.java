package coaching.ledger.baseline.sharing;

import coaching.ledger.baseline.engagement.Engagement;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

public interface SharedUpdateRepository extends JpaRepository<SharedUpdate, Long> {

    Optional<SharedUpdate> findByEngagementAndUpdateId(Engagement engagement, String updateId);
}
