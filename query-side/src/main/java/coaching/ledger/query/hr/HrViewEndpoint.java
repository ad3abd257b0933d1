package coaching.ledger.query.hr;

import coaching.ledger.platform.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;

@RestController
@RequestMapping("/api/v1/hr")
@PreAuthorize("hasRole('HR')")
public class HrViewEndpoint {

    private final HrView view;
    private final HrEngagementFeed feed;

    public HrViewEndpoint(HrView view, HrEngagementFeed feed) {
        this.view = view;
        this.feed = feed;
    }

    @GetMapping("/engagements")
    public List<HrEngagement> engagements() {
        return view.engagementsVisibleTo(CurrentActor.require().id());
    }

    @GetMapping("/coaches")
    public List<HrCoach> coaches() {
        return view.coaches();
    }

    @GetMapping("/dashboard")
    public HrDashboard dashboard() {
        return view.dashboard();
    }

    /**
     * Every engagement as it is now, then each changed row as it changes (events named
     * {@code engagement}); see {@link HrEngagementFeed} for what a stream holds and when it ends.
     */
    @GetMapping(path = "/engagements/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        return feed.open(CurrentActor.require().id());
    }
}
