package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import playground.RealSite;
import playground.runs.RunLimits;

/**
 * RELIABILITY 6 and 8: a client that never reads its socket cannot grow the server's memory, and its run is
 * cancelled. The client is a raw TCP socket with a tiny receive buffer that does the websocket handshake, asks for
 * a run and then neither reads nor writes: it never sees a ping, so it never answers one, as a browser that
 * vanished without FIN or RST. What it does not read waits in the kernel's socket buffers, not in our heap
 * ({@link Outbox} caps what is in flight); {@link Liveness} drops it after two unanswered pings. Pings every
 * second here, so that takes 2–3 s, against about 13 s for the run to end by itself and a 60 s deadline.
 */
class SlowReaderIT {
    private static final RunLimits LIMITS = RunLimits.defaults().withStartsPerMinute(1000).withEventsPerSecond(1000)
            .withCostBudget(TrainSocketTest.LONG_RUN_BUDGET)
            .withKeepAlive(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void aClientThatStopsReadingHasItsRunCancelledWhileAnotherClientsRunCompletes() throws Exception {
        try (RealSite server = RealSite.oneCourse().limits(LIMITS.withWorkers(2)).start();
             Socket silent = new Socket();
             SocketClient reader = SocketClient.open(server.port(), "slow-reader-good-1")) {
            long heapBefore = usedHeap();
            long started = System.nanoTime();
            SilentClient.startLongRun(silent, server.port(), "slow-reader-0001");
            server.awaitActive(1, Duration.ofSeconds(10));
            reader.start(TrainSocketTest.LONG_RUN);
            server.awaitActive(2, Duration.ofSeconds(10));

            server.awaitStatus(s -> s.path("dropped_unresponsive").asInt() == 1, Duration.ofSeconds(10));
            long droppedAfterMs = (System.nanoTime() - started) / 1_000_000;
            server.awaitStatus(s -> s.path("active").asInt() == 1, Duration.ofSeconds(2));
            long cancelledAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertFalse(reader.events.stream().anyMatch(e -> e.path("type").asText().equals("done")),
                    "the reader's run (as long as the silent one's) is still going, so the run that left was the silent one");
            long heapGrowth = usedHeap() - heapBefore;
            System.out.println("slow reader: dropped after " + droppedAfterMs + " ms, its run gone after "
                    + cancelledAfterMs + " ms; heap growth " + heapGrowth / 1024 + " KiB");
            assertTrue(cancelledAfterMs < 8_000, "cancelled after " + cancelledAfterMs + " ms");
            assertTrue(heapGrowth < 32L * 1024 * 1024, "heap grew by " + heapGrowth);

            reader.until("done", 60);
            server.awaitIdle(Duration.ofSeconds(5));
            assertEquals(1, server.status().path("dropped_unresponsive").asInt(), "the reader was not dropped");
            assertEquals(200, server.get("/healthz").statusCode());
        }
    }

    @Test
    void aSilentClientWaitingInTheQueueLeavesIt() throws Exception {
        try (RealSite server = RealSite.oneCourse().limits(LIMITS.withWorkers(1).withQueue(1, 4)).start();
             SocketClient busy = SocketClient.open(server.port(), "slow-reader-busy-1");
             Socket silent = new Socket()) {
            busy.start(TrainSocketTest.LONG_RUN);
            busy.until("started", 10);
            SilentClient.startLongRun(silent, server.port(), "slow-reader-0002");
            server.awaitStatus(s -> s.path("queued").asInt() == 1, Duration.ofSeconds(10));
            server.awaitStatus(s -> s.path("queued").asInt() == 0 && s.path("dropped_unresponsive").asInt() == 1,
                    Duration.ofSeconds(10));
            assertEquals(1, server.status().path("active").asInt(), "the busy client's run goes on");
            busy.send("{\"type\":\"stop\"}");
            busy.until("cancelled", 10);
            server.awaitIdle(Duration.ofSeconds(5));
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
