package playground.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import playground.runs.DecisionPlane;
import playground.runs.EpochLogs;

/**
 * One socket's outgoing events, in order. Epochs are coalesced so the socket gets at most
 * {@code eventsPerSecond} messages on average, with a burst of {@link #BURST} so that {@code started},
 * {@code summary} and the first epoch go out back to back instead of one interval apart. Frames of the plane are
 * paced the same way, one a message, so a run that ends in 0.1 s still delivers the frames the browser plays back;
 * past {@link DecisionPlane#QUEUED_FRAMES} unsent frames every other one is dropped (the latest always stays), and an
 * event that follows a frame waits its turn behind it. A reader that leaves too many messages unsent, or a send that
 * fails, calls {@code onStall} (which cancels the run), so a browser that stopped reading cannot grow our memory.
 * Thread-safe.
 */
final class Outbox implements WireEvents.Sink {
    /** Messages handed to Jetty but not yet written; more means the client is not reading. */
    static final int MAX_IN_FLIGHT = 32;
    /** Messages that may go out back to back (a token bucket of this size, refilled at eventsPerSecond). */
    static final double BURST = 3;

    private final Session session;
    private final ObjectMapper json;
    private final ScheduledExecutorService timer;
    private final long minIntervalNanos;
    private final Runnable onStall;
    private final Unsent unsent = new Unsent(DecisionPlane.QUEUED_FRAMES);
    /** Messages that may go out now; below 1, the queue waits. Events are always sent and may take it below 0. */
    private double tokens = BURST;
    private long refilledAt = System.nanoTime();
    private boolean flushScheduled;
    private int inFlight;
    private boolean stalled;

    Outbox(Session session, ObjectMapper json, ScheduledExecutorService timer, int eventsPerSecond, Runnable onStall) {
        this.session = session;
        this.json = json;
        this.timer = timer;
        this.minIntervalNanos = 1_000_000_000L / eventsPerSecond;
        this.onStall = onStall;
    }

    /** Sends an event now, after any epochs still waiting; behind a queued frame, in its turn. */
    @Override
    public synchronized void send(Object event) {
        if (!unsent.holdsMore()) {
            while (!unsent.isEmpty()) writeNext();
            write(text(event));
            return;
        }
        unsent.event(event);
        drain();
    }

    /** Sends what is queued at once, frames left out, then {@code event}: the socket is about to close. */
    synchronized void sendLast(Object event) {
        unsent.dropFrames();
        while (!unsent.isEmpty()) writeNext();
        write(text(event));
    }

    @Override
    public synchronized void epoch(EpochLogs logs) {
        unsent.epoch(logs);
        drain();
    }

    /** A frame of the plane: paced as epochs are, never coalesced, thinned when too many wait. */
    @Override
    public synchronized void frame(Object event) {
        unsent.frame(text(event));
        drain();
    }

    /** Writes while tokens last, then comes back when the next one is due. */
    private void drain() {
        if (flushScheduled) return;
        refill();
        while (!unsent.isEmpty() && tokens >= 1) writeNext();
        if (unsent.isEmpty()) return;
        flushScheduled = true;
        timer.schedule(this::scheduledFlush, (long) Math.ceil((1 - tokens) * minIntervalNanos), TimeUnit.NANOSECONDS);
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (double) (now - refilledAt) / minIntervalNanos);
        refilledAt = now;
    }

    private synchronized void scheduledFlush() {
        flushScheduled = false;
        drain();
    }

    /** One message: the epochs at the head of the queue together, or the frame or event there. */
    private void writeNext() {
        Object next = unsent.next();
        if (next instanceof List<?> epochs) {
            @SuppressWarnings("unchecked")
            List<EpochLogs> items = (List<EpochLogs>) epochs;
            write(text(items.size() == 1 ? new Events.Epoch(items.get(0)) : new Events.Epochs(items)));
        } else if (next instanceof Unsent.Frame frame) {
            write(frame.text());
        } else if (next != null) {
            write(text(next));
        }
    }

    private String text(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event, e);
        }
    }

    private void write(String text) {
        if (stalled || !session.isOpen()) return;
        if (inFlight >= MAX_IN_FLIGHT) {
            stall();
            return;
        }
        inFlight++;
        refill();
        tokens--;
        session.sendText(text, Callback.from(this::sent, failure -> failed()));
    }

    private synchronized void sent() {
        inFlight--;
    }

    private synchronized void failed() {
        stall();
    }

    /** Caller holds the monitor; the run is cancelled on the timer thread, never under this lock. */
    private void stall() {
        if (stalled) return;
        stalled = true;
        timer.execute(onStall);
    }
}
