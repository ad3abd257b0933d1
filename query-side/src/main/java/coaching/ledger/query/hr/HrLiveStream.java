package coaching.ledger.query.hr;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One open HR live stream. What it still owes its client stays small whatever the rows hold: how far
 * the first answer got (an engagement id) and the ids of engagements changed since it began, each once
 * however often it changed (a first-answer page read after the change covers it). Rows are read when
 * they are sent, with only the recipient's own updates, a page at a time. A client that falls more than {@code maxPending} changed engagements behind is cut off: its
 * stream ends, {@code EventSource} reconnects and the new stream's first answer is complete again.
 * One drain task at a time writes to the client, on the feed's executor, never on the projection's
 * thread; a client that does not read blocks only that task.
 */
final class HrLiveStream {

    private static final Logger log = LoggerFactory.getLogger(HrLiveStream.class);

    /** Why a stream ends; {@code GONE} streams were ended by the container (client left, timeout). */
    enum Ending {
        FELL_BEHIND,
        SHUTDOWN,
        GONE
    }

    private final String hrUserId;
    private final SseEmitter emitter;
    private final HrView view;
    private final Executor executor;
    private final int pageSize;
    private final int maxPending;
    private final Runnable fellBehind;

    // guarded by this
    private String firstAnswerAfter = "";
    private boolean firstAnswerDone;
    /** Counts the batches heard of; each pending id keeps the count of its latest. */
    private long batchesHeard;

    private final Map<String, Long> pending = new LinkedHashMap<>();
    private boolean draining;
    private boolean heartbeatDue;
    private Ending ending;

    HrLiveStream(
            String hrUserId,
            SseEmitter emitter,
            HrView view,
            Executor executor,
            int pageSize,
            int maxPending,
            Runnable fellBehind) {
        this.hrUserId = hrUserId;
        this.emitter = emitter;
        this.view = view;
        this.executor = executor;
        this.pageSize = pageSize;
        this.maxPending = maxPending;
        this.fellBehind = fellBehind;
    }

    String hrUserId() {
        return hrUserId;
    }

    synchronized void start() {
        wake();
    }

    /** Engagements whose HR rows changed in a committed batch; runs on the projection's thread, never blocks. */
    synchronized void changed(Collection<String> engagementIds) {
        if (ending != null) {
            return;
        }
        long batch = ++batchesHeard;
        engagementIds.forEach(engagementId -> pending.put(engagementId, batch));
        if (pending.size() > maxPending) {
            pending.clear();
            ending = Ending.FELL_BEHIND;
            fellBehind.run();
        }
        wake();
    }

    /** An SSE comment now and then finds clients that left without closing (their slot is freed then). */
    synchronized void heartbeat() {
        heartbeatDue = true;
        wake();
    }

    synchronized void end(Ending why) {
        if (ending == null) {
            ending = why;
            pending.clear();
            wake();
        }
    }

    synchronized int pendingChanges() {
        return pending.size();
    }

    private void wake() {
        if (!draining && ending != Ending.GONE) {
            draining = true;
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (sendNext()) {
                // until nothing is owed
            }
        } catch (IOException | RuntimeException gone) {
            // the client went away, or the view could not be read: the client reconnects for a complete answer
            log.debug("HR stream of {} ends: {}", hrUserId, gone.toString());
            synchronized (this) {
                ending = Ending.GONE;
                draining = false;
            }
            completeQuietly();
        }
    }

    /**
     * Ends the response unless the container already ended it: after a client error Tomcat refuses
     * (IllegalStateException) any use of the request from an application thread, and an exception
     * escaping this executor thread would only reach the uncaught-exception handler.
     */
    private void completeQuietly() {
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyEnded) {
            log.debug("HR stream of {} was already ended by the container", hrUserId);
        }
    }

    /** Sends what is owed next; false when nothing is, for now or for good. */
    private boolean sendNext() throws IOException {
        String pageAfter = null;
        long heardBeforePage = 0;
        List<String> changed = null;
        Ending ended;
        synchronized (this) {
            ended = ending;
            if (ended != null) {
                draining = false;
                ending = Ending.GONE;
            } else if (!firstAnswerDone) {
                pageAfter = firstAnswerAfter;
                heardBeforePage = batchesHeard;
            } else if (!pending.isEmpty()) {
                changed = take(pageSize);
            } else if (heartbeatDue) {
                heartbeatDue = false;
            } else {
                draining = false;
                return false;
            }
        }
        if (ended != null) {
            if (ended != Ending.GONE) {
                completeQuietly();
            }
            return false;
        }
        if (pageAfter != null) {
            sendFirstAnswerPage(pageAfter, heardBeforePage);
        } else if (changed != null) {
            send(view.visibleTo(hrUserId, changed));
        } else {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        }
        return true;
    }

    /**
     * A page of the first answer. It was read after every batch heard of so far had committed, so it
     * shows their changes of its engagements: those need not be sent again.
     */
    private void sendFirstAnswerPage(String after, long heardBeforePage) throws IOException {
        List<HrEngagement> page = view.pageVisibleTo(hrUserId, after, pageSize);
        synchronized (this) {
            if (!page.isEmpty()) {
                firstAnswerAfter = page.get(page.size() - 1).engagementId();
            }
            firstAnswerDone = page.size() < pageSize;
            page.forEach(row -> pending.computeIfPresent(
                    row.engagementId(), (engagementId, batch) -> batch <= heardBeforePage ? null : batch));
        }
        send(page);
    }

    private List<String> take(int count) {
        List<String> taken = new ArrayList<>(Math.min(count, pending.size()));
        for (Iterator<String> ids = pending.keySet().iterator(); ids.hasNext() && taken.size() < count; ) {
            taken.add(ids.next());
            ids.remove();
        }
        return taken;
    }

    private void send(List<HrEngagement> rows) throws IOException {
        for (HrEngagement row : rows) {
            emitter.send(SseEmitter.event()
                    .name("engagement")
                    .id(row.engagementId() + "@" + row.version())
                    .data(row, MediaType.APPLICATION_JSON));
        }
    }
}
