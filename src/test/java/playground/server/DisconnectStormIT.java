package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.RealSite;
import playground.runs.RunLimits;

/**
 * RELIABILITY 6: 200 browsers start runs and half of them vanish mid-run: some close politely, some drop the
 * connection (RST), and some go silent without FIN or RST, as a laptop whose network went away (found by
 * {@link Liveness} after two unanswered pings; pings every second here). The others finish; nothing keeps training
 * for the ones that left, no thread of ours is left behind and the heap returns near where it was.
 */
class DisconnectStormIT {
    private static final int SOCKETS = 200;
    /** Two ping intervals of one second, the liveness check's granularity, and a second to spare. */
    private static final Duration SILENT_NOTICE = Duration.ofSeconds(4);
    private static final String SHORT_RUN = RunDoc.notes().epochs(3).json();

    @Test
    void halfTheClassVanishingMidRunLeavesNoActiveRunNoThreadAndNoHeap() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(2).withQueue(128, 256).withStartsPerMinute(1000)
                .withCostBudget(TrainSocketTest.LONG_RUN_BUDGET)
                .withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(60));
        List<Socket> silent = new ArrayList<>();
        long lastSilentAt = 0;
        try (RealSite server = RealSite.oneCourse().limits(limits).start()) {
            Set<Thread> threadsBefore = ourThreads();
            long heapBefore = usedHeap();
            List<SocketClient> leavers = new ArrayList<>();
            List<SocketClient> stayers = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                String browser = String.format("storm-browser-%04d", i);
                if (i % 6 == 4) {
                    Socket socket = new Socket();
                    silent.add(socket);
                    SilentClient.startLongRun(socket, server.port(), browser);
                    lastSilentAt = System.nanoTime();
                    continue;
                }
                SocketClient client = SocketClient.open(server.port(), browser);
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
            int silentCount = silent.size();
            server.awaitStatus(status -> status.path("active").asInt() + status.path("dropped_unresponsive").asInt()
                    <= silentCount, Duration.ofSeconds(2));  // the browsers that closed or dropped are gone already
            // the server can tell a silent browser only after two unanswered pings (2-3 s here), a closed one at once
            long silentNoticeableAt = lastSilentAt + SILENT_NOTICE.toNanos();
            server.awaitIdle(Duration.ofNanos(Math.max(Duration.ofSeconds(2).toNanos(),
                    silentNoticeableAt - System.nanoTime())));
            long idleAfterMs = (System.nanoTime() - lastLeftAt) / 1_000_000;
            long idleAfterSilentMs = (System.nanoTime() - lastSilentAt) / 1_000_000;
            assertEquals(silent.size(), server.status().path("dropped_unresponsive").asInt(),
                    "every silent browser was dropped, and no other");

            Set<Thread> newThreads = ourThreads();
            newThreads.removeAll(threadsBefore);
            assertEquals(Set.of(), newThreads, "the trainer's threads are the same ones, no more");
            long heapGrowth = usedHeap() - heapBefore;
            System.out.printf("disconnect storm: idle %d ms after the last left, %d ms after the last went silent;"
                    + " heap %+d KiB%n", idleAfterMs, idleAfterSilentMs, heapGrowth / 1024);
            assertTrue(heapGrowth < 48L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KiB");
            assertEquals(200, server.get("/healthz").statusCode());
        } finally {
            for (Socket socket : silent) socket.close();
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
