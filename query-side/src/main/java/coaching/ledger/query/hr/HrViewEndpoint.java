package coaching.ledger.query.hr;

import coaching.ledger.platform.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/v1/hr")
@PreAuthorize("hasRole('HR')")
public class HrViewEndpoint {

    private static final String TOTAL_COUNT = "X-Total-Count";

    private final HrView view;
    private final HrEngagementFeed feed;

    public HrViewEndpoint(HrView view, HrEngagementFeed feed) {
        this.view = view;
        this.feed = feed;
    }

    /**
     * A page of the engagements (the body stays the plain array it always was); {@code X-Total-Count}
     * and the {@code Link} header (RFC 8288, {@code next}/{@code prev}) tell a client what else there is.
     */
    @GetMapping("/engagements")
    public ResponseEntity<List<HrEngagement>> engagements(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String engagementId,
            HttpServletRequest request) {
        HrEngagementQuery query = HrEngagementQuery.of(page, size, status, sort, engagementId);
        HrEngagementPage answer =
                view.engagementsVisibleTo(CurrentActor.require().id(), query);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(answer.total()));
        List<String> links = new ArrayList<>();
        answer.nextPage().ifPresent(next -> links.add(link(request, query, next, "next")));
        answer.previousPage().ifPresent(previous -> links.add(link(request, query, previous, "prev")));
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(answer.engagements());
    }

    /** A relative link to another page: this request's path, with the same parameters but the page. */
    private static String link(HttpServletRequest request, HrEngagementQuery query, int page, String relation) {
        return "<" + request.getRequestURI() + "?" + query.queryString(page) + ">; rel=\"" + relation + "\"";
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
