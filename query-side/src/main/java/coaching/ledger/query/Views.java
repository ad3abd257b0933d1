package coaching.ledger.query;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.coach.CoachProjection;
import coaching.ledger.query.compliance.ComplianceProjection;
import coaching.ledger.query.hr.HrProjection;

import java.util.List;

/**
 * The query side's views. Each is one projection whose processing group bears the view's name, as
 * do its tokens and its dead-letter queue; the operator's endpoints address a view by that name.
 */
public final class Views {

    public static final List<String> NAMES = List.of(
            HrProjection.NAME,
            BossProjection.NAME,
            ClientProjection.NAME,
            CoachProjection.NAME,
            ComplianceProjection.NAME);

    private Views() {}

    /** @throws Rejection 404 for a name that is not one of the views */
    public static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw Rejection.notFound("no such projection: " + name);
        }
    }
}
