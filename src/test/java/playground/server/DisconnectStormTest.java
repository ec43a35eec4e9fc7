package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import playground.runs.RunLimits;

/**
 * RELIABILITY 6: 200 browsers start runs and half of them vanish mid-run, some closing politely and some
 * dropping the connection. The others finish; nothing keeps training for the ones that left, no thread of ours
 * is left behind and the heap returns near where it was.
 */
class DisconnectStormTest {
    private static final int SOCKETS = 200;
    private static final String SHORT_RUN = TrainSocketTest.NOTES_MODEL.replace("\"epochs\":100", "\"epochs\":3");

    @Test
    void halfTheClassVanishingMidRunLeavesNoActiveRunNoThreadAndNoHeap() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(2).withQueue(128, 256).withStartsPerMinute(1000);
        try (TestServer server = TestServer.start(limits)) {
            Set<Thread> threadsBefore = ourThreads();
            long heapBefore = usedHeap();
            List<SocketClient> leavers = new ArrayList<>();
            List<SocketClient> stayers = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                SocketClient client = SocketClient.open(server.port(), String.format("storm-browser-%04d", i));
                boolean leaves = i % 2 == 0;
                client.start(leaves ? TrainSocketTest.LONG_RUN : SHORT_RUN);
                (leaves ? leavers : stayers).add(client);
            }
            for (SocketClient leaver : leavers) leaver.until("summary", 60);
            for (int i = 0; i < leavers.size(); i++) {
                if (i % 2 == 0) leavers.get(i).close();
                else leavers.get(i).abort();
            }
            long lastLeftAt = System.nanoTime();
            for (SocketClient stayer : stayers) {
                stayer.until("done", 60);
                stayer.close();
            }
            server.awaitIdle(Duration.ofSeconds(2));
            long idleAfterMs = (System.nanoTime() - lastLeftAt) / 1_000_000;

            Set<Thread> newThreads = ourThreads();
            newThreads.removeAll(threadsBefore);
            assertEquals(Set.of(), newThreads, "the trainer's threads are the same ones, no more");
            long heapGrowth = usedHeap() - heapBefore;
            System.out.printf("disconnect storm: idle %d ms after the last left; heap %+d KiB%n",
                    idleAfterMs, heapGrowth / 1024);
            assertTrue(heapGrowth < 48L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KiB");
            assertEquals(200, server.get("/healthz").statusCode());
        }
    }

    /** The live threads the trainer makes (workers and the socket timer). */
    private static Set<Thread> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("trainer-") || t.getName().equals("socket-timer"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
