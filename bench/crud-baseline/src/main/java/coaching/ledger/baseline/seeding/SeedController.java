package coaching.ledger.baseline.seeding;

import coaching.ledger.baseline.engagement.Audience;
import coaching.ledger.baseline.engagement.Consent;
import coaching.ledger.baseline.engagement.ConsentRepository;
import coaching.ledger.baseline.engagement.Engagement;
import coaching.ledger.baseline.engagement.EngagementRepository;
import coaching.ledger.baseline.engagement.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bench's hot set in one call: {@code count} active engagements {@code <prefix>0…}, each with
 * client-cara, boss-ben and coach-cole and the client's consent to share PROGRESS with the boss. The
 * ledger gets the same state through its own commands (bench/README.md).
 */
@RestController
class SeedController {

    record Seed(String prefix, int count) {}

    private final EngagementRepository engagements;
    private final ConsentRepository consents;
    private final Clock clock;

    SeedController(EngagementRepository engagements, ConsentRepository consents, Clock clock) {
        this.engagements = engagements;
        this.consents = consents;
        this.clock = clock;
    }

    @PostMapping(path = "/bench/seed", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    List<String> seed(@RequestBody Seed seed) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < seed.count(); i++) {
            Engagement engagement =
                    engagements.save(new Engagement(seed.prefix() + i, "client-cara", "boss-ben", "coach-cole"));
            consents.save(new Consent(engagement, "c-1", Audience.BOSS, Set.of(Scope.PROGRESS), clock.instant()));
            ids.add(engagement.id());
        }
        return ids;
    }
}
