package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.RealSite;
import playground.runs.RunLimits;

/**
 * RELIABILITY 9: a PaaS router drops a socket after 55 s without traffic, so the server pings; and a socket whose
 * client answers the pings but says nothing else is never taken for a dead one by {@link Liveness}. Scaled down
 * so it runs in seconds: a 2 s idle timeout stands for the router's window and pings come every 0.5 s (the
 * defaults: 15 s pings, 60 s idle). The real three minutes: {@code java -jar target/playground.jar keepalive}.
 */
class KeepAliveIT {
    /**
     * Holds the only worker far longer than the test's silence, whatever the machine's speed: the long run with
     * 256-unit layers (about 20 times the work; stopped by the test, or by the deadline).
     */
    private static final String FILLS_THE_WORKER = RunDoc.of(TrainSocketTest.LONG_RUN).units(1, 256).json();

    private static final String TWO_EPOCHS = RunDoc.notes().epochs(2).json();

    @Test
    void pingsKeepASilentSocketOpenForThreeIdleWindows() throws Exception {
        RunLimits limits = RunLimits.defaults().withKeepAlive(Duration.ofMillis(500), Duration.ofSeconds(2));
        try (RealSite server = RealSite.oneCourse().limits(limits).start();
             SocketClient client = SocketClient.open(server.port(), "keepalive-pinged-1")) {
            Thread.sleep(6_000);
            assertFalse(client.closed.isDone(), "the socket survived 6 s of silence");
            assertTrue(client.pings() >= 10, "pings answered: " + client.pings());
            assertEquals(0, server.status().path("dropped_unresponsive").asInt());
            client.start(TWO_EPOCHS);
            client.until("done", 20);
        }
    }

    @Test
    void aQueuedSocketThatOnlyAnswersPingsKeepsItsPlace() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(1).withQueue(1, 4).withStartsPerMinute(1000)
                .withKeepAlive(Duration.ofMillis(500), Duration.ofSeconds(2)).withCostBudget(1e12);
        try (RealSite server = RealSite.oneCourse().limits(limits).start();
             SocketClient busy = SocketClient.open(server.port(), "keepalive-busy-1");
             SocketClient waiting = SocketClient.open(server.port(), "keepalive-queued-1")) {
            busy.start(FILLS_THE_WORKER);
            busy.until("started", 10);
            waiting.start(TWO_EPOCHS);
            assertEquals("queued", waiting.next(10).path("type").asText());
            Thread.sleep(4_000);
            assertFalse(waiting.closed.isDone(), "the queued socket survived 4 s (8 pings) of silence");
            assertTrue(waiting.pings() >= 6, "pings answered: " + waiting.pings());
            JsonNode status = server.status();
            assertEquals(1, status.path("queued").asInt(), status.toString());
            assertEquals(0, status.path("dropped_unresponsive").asInt(), status.toString());
            assertEquals(null, waiting.events.peek(), "nothing but pings reached the queued socket");
            busy.send("{\"type\":\"stop\"}");
            waiting.until("done", 20);
        }
    }

    @Test
    void withoutPingsTheSameSilenceClosesTheSocket() throws Exception {
        RunLimits limits = RunLimits.defaults().withKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(2));
        try (RealSite server = RealSite.oneCourse().limits(limits).start();
             SocketClient client = SocketClient.open(server.port(), "keepalive-silent-1")) {
            int status = client.closed.get(6, TimeUnit.SECONDS);
            assertEquals(1001, status, "Jetty closes an idle socket as 'going away'");
        }
    }
}
