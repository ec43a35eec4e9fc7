package playground.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import playground.runs.EpochLogs;

/**
 * One socket's outgoing events, in order. Epochs are coalesced so the socket gets at most
 * {@code eventsPerSecond} messages on average, with a burst of {@link #BURST} so that {@code started},
 * {@code summary} and the first epoch go out back to back instead of one interval apart. A reader that leaves too
 * many messages unsent, or a send that fails, calls {@code onStall} (which cancels the run), so a browser that
 * stopped reading cannot grow our memory. Thread-safe.
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
    private final List<EpochLogs> pending = new ArrayList<>();
    /** Messages that may go out now; below 1, epochs wait. Events are always sent and may take it below 0. */
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

    /** Sends an event now, after any epochs still waiting, so the order is kept. */
    @Override
    public synchronized void send(Object event) {
        flushPending();
        write(event);
    }

    @Override
    public synchronized void epoch(EpochLogs logs) {
        pending.add(logs);
        if (flushScheduled) return;
        refill();
        if (tokens >= 1) {
            flushPending();
        } else {
            flushScheduled = true;
            timer.schedule(this::scheduledFlush, (long) Math.ceil((1 - tokens) * minIntervalNanos), TimeUnit.NANOSECONDS);
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(BURST, tokens + (double) (now - refilledAt) / minIntervalNanos);
        refilledAt = now;
    }

    private synchronized void scheduledFlush() {
        flushScheduled = false;
        flushPending();
    }

    private void flushPending() {
        if (pending.isEmpty()) return;
        Object event = pending.size() == 1 ? new Events.Epoch(pending.get(0)) : new Events.Epochs(List.copyOf(pending));
        pending.clear();
        write(event);
    }

    private void write(Object event) {
        if (stalled || !session.isOpen()) return;
        if (inFlight >= MAX_IN_FLIGHT) {
            stall();
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + event, e);
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
