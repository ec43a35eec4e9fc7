package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import playground.runs.RunLimits;

/**
 * RELIABILITY 9: a PaaS router drops a socket after 55 s without traffic, so the server pings. Scaled down so
 * it runs in seconds: a 2 s idle timeout stands for the router's window; the defaults (20 s pings, 60 s idle)
 * keep the same ratio to the real 55 s.
 */
class KeepAliveTest {
    private static final String TWO_EPOCHS = TrainSocketTest.NOTES_MODEL.replace("\"epochs\":100", "\"epochs\":2");

    @Test
    void pingsKeepASilentSocketOpenForThreeIdleWindows() throws Exception {
        RunLimits limits = RunLimits.defaults().withKeepAlive(Duration.ofMillis(500), Duration.ofSeconds(2));
        try (TestServer server = TestServer.start(limits);
             SocketClient client = SocketClient.open(server.port(), "keepalive-pinged-1")) {
            Thread.sleep(6_000);
            assertFalse(client.closed.isDone(), "the socket survived 6 s of silence");
            client.start(TWO_EPOCHS);
            client.until("done", 20);
        }
    }

    @Test
    void withoutPingsTheSameSilenceClosesTheSocket() throws Exception {
        RunLimits limits = RunLimits.defaults().withKeepAlive(Duration.ofSeconds(30), Duration.ofSeconds(2));
        try (TestServer server = TestServer.start(limits);
             SocketClient client = SocketClient.open(server.port(), "keepalive-silent-1")) {
            int status = client.closed.get(6, TimeUnit.SECONDS);
            assertEquals(1001, status, "Jetty closes an idle socket as 'going away'");
        }
    }
}
