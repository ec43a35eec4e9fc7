package playground.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
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
final class Outbox {
    /** Messages handed to Jetty but not yet written; more means the client is not reading. */
    static final int MAX_IN_FLIGHT = 32;
    /** Messages that may go out back to back (a token bucket of this size, refilled at eventsPerSecond). */
    static final double BURST = 3;

    /** A frame's JSON, made when it is queued so that the run's arrays are not held. */
    private record Frame(String text) {}

    private final Session session;
    private final ObjectMapper json;
    private final ScheduledExecutorService timer;
    private final long minIntervalNanos;
    private final Runnable onStall;
    /** Unsent, in order: {@link EpochLogs} (coalesced when sent), {@link Frame}s, and events queued behind a frame. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** Frames and events in {@link #queue}: while there are any, a new event queues behind them. */
    private int held;
    private int frames;
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
    synchronized void send(Object event) {
        if (held == 0) {
            writeEpochs();
            write(text(event));
            return;
        }
        queue.add(event);
        held++;
        drain();
    }

    /** Sends what is queued at once, frames left out, then {@code event}: the socket is about to close. */
    synchronized void sendLast(Object event) {
        queue.removeIf(item -> item instanceof Frame);
        frames = 0;
        while (!queue.isEmpty()) writeNext();
        held = 0;
        write(text(event));
    }

    synchronized void epoch(EpochLogs logs) {
        queue.add(logs);
        drain();
    }

    /** A frame of the plane: paced as epochs are, never coalesced, thinned when too many wait. */
    synchronized void frame(Object event) {
        queue.add(new Frame(text(event)));
        held++;
        if (++frames > DecisionPlane.QUEUED_FRAMES) thin();
        drain();
    }

    /** Drops every other unsent frame, from the oldest, keeping the latest. */
    private void thin() {
        int index = 0;
        for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
            Object item = it.next();
            if (!(item instanceof Frame)) continue;
            if (index++ % 2 == 0 && index < frames) {
                it.remove();
                held--;
            }
        }
        frames = (int) queue.stream().filter(item -> item instanceof Frame).count();
    }

    /** Writes while tokens last, then comes back when the next one is due. */
    private void drain() {
        if (flushScheduled) return;
        refill();
        while (!queue.isEmpty() && tokens >= 1) writeNext();
        if (queue.isEmpty()) return;
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
        Object head = queue.peek();
        if (head instanceof EpochLogs) {
            writeEpochs();
            return;
        }
        queue.poll();
        held--;
        if (head instanceof Frame frame) {
            frames--;
            write(frame.text());
        } else {
            write(text(head));
        }
    }

    private void writeEpochs() {
        List<EpochLogs> epochs = new ArrayList<>();
        while (queue.peek() instanceof EpochLogs logs) epochs.add((EpochLogs) queue.poll());
        if (epochs.isEmpty()) return;
        write(text(epochs.size() == 1 ? new Events.Epoch(epochs.get(0)) : new Events.Epochs(epochs)));
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
