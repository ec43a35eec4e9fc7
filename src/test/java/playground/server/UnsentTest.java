package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import playground.runs.EpochLogs;

/** The Outbox's unsent messages: order kept, epochs coalesced, frames thinned past the limit with the latest kept. */
class UnsentTest {
    private static EpochLogs epoch(int n) {
        return new EpochLogs(n, Map.of("loss", 1.0 / n));
    }

    /** Every message in order, epochs as "e1-3", frames by their text, events as they are. */
    private static List<String> drain(Unsent unsent) {
        List<String> out = new ArrayList<>();
        while (!unsent.isEmpty()) {
            Object next = unsent.next();
            if (next instanceof List<?> epochs) {
                out.add("e" + ((EpochLogs) epochs.get(0)).epoch() + "-" + ((EpochLogs) epochs.get(epochs.size() - 1)).epoch());
            } else if (next instanceof Unsent.Frame frame) {
                out.add(frame.text());
            } else {
                out.add(String.valueOf(next));
            }
        }
        return out;
    }

    @Test
    void epochsBetweenFramesGoTogetherAndAnEventWaitsBehindAFrame() {
        Unsent unsent = new Unsent(24);
        unsent.epoch(epoch(1));
        unsent.epoch(epoch(2));
        assertFalse(unsent.holdsMore(), "epochs alone do not hold an event back");
        unsent.frame("g2");
        unsent.epoch(epoch(3));
        unsent.event("done");
        assertTrue(unsent.holdsMore());
        assertEquals(List.of("e1-2", "g2", "e3-3", "done"), drain(unsent));
        assertFalse(unsent.holdsMore());
    }

    @Test
    void pastTheLimitEveryOtherFrameGoesTheLatestStaysAndNoEpochIsLost() {
        Unsent unsent = new Unsent(4);
        for (int e = 1; e <= 5; e++) {
            unsent.epoch(epoch(e));
            unsent.frame("g" + e);
        }
        List<String> sent = drain(unsent);
        List<String> frames = sent.stream().filter(m -> m.startsWith("g")).toList();
        assertTrue(frames.size() <= 4, sent.toString());
        assertEquals("g5", frames.get(frames.size() - 1), "the latest frame is kept");
        assertTrue(frames.contains("g2") || frames.contains("g3"), "an even spread, not only the newest: " + frames);
        List<Integer> epochs = new ArrayList<>();
        for (String m : sent) {
            if (!m.startsWith("e")) continue;
            String[] span = m.substring(1).split("-");
            for (int e = Integer.parseInt(span[0]); e <= Integer.parseInt(span[1]); e++) epochs.add(e);
        }
        assertEquals(List.of(1, 2, 3, 4, 5), epochs, "every epoch, once, in order: " + sent);
    }

    @Test
    void aClosingSocketDropsTheFramesButNotTheEpochsOrEvents() {
        Unsent unsent = new Unsent(24);
        unsent.frame("g0");
        unsent.epoch(epoch(1));
        unsent.frame("g1");
        unsent.event("cancelled");
        unsent.dropFrames();
        assertEquals(List.of("e1-1", "cancelled"), drain(unsent));
        assertFalse(unsent.holdsMore());
    }
}
