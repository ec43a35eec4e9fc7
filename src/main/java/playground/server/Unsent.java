package playground.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import playground.runs.EpochLogs;

/**
 * What an {@link Outbox} has not sent yet, in order: epochs (sent together), frames of the plane (one a message,
 * as JSON text), and events queued behind a frame. Past {@code maxFrames} unsent frames every other one is dropped,
 * from the oldest, the latest always kept; epochs and events are never dropped. Not thread-safe: the Outbox's lock
 * guards it.
 */
final class Unsent {
    /** A frame's JSON, made when it is queued so that the run's arrays are not held. */
    record Frame(String text) {}

    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final int maxFrames;
    /** Frames and events in the queue: while there are any, a new event waits behind them. */
    private int held;
    private int frames;

    Unsent(int maxFrames) {
        this.maxFrames = maxFrames;
    }

    void epoch(EpochLogs logs) {
        queue.add(logs);
    }

    void frame(String json) {
        queue.add(new Frame(json));
        held++;
        if (++frames > maxFrames) thin();
    }

    void event(Object event) {
        queue.add(event);
        held++;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Whether a frame or an event waits: then an event must queue behind it to keep the order. */
    boolean holdsMore() {
        return held > 0;
    }

    /** The next message: the epochs at the head together (a {@code List<EpochLogs>}), a {@link Frame}, or an event. */
    Object next() {
        if (queue.peek() instanceof EpochLogs) {
            List<EpochLogs> epochs = new ArrayList<>();
            while (queue.peek() instanceof EpochLogs logs) epochs.add((EpochLogs) queue.poll());
            return epochs;
        }
        Object head = queue.poll();
        if (head == null) return null;
        held--;
        if (head instanceof Frame) frames--;
        return head;
    }

    /** The socket is closing: frames are not worth sending any more. */
    void dropFrames() {
        queue.removeIf(item -> item instanceof Frame);
        held -= frames;
        frames = 0;
    }

    private void thin() {
        int index = 0;
        for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
            if (!(it.next() instanceof Frame)) continue;
            if (index++ % 2 == 0 && index < frames) {
                it.remove();
                held--;
            }
        }
        frames = (int) queue.stream().filter(item -> item instanceof Frame).count();
    }
}
