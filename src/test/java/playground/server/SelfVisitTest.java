package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.loadtest.SelfVisit;
import playground.runs.RunLimits;

/** The server's warm-up visit goes through the real paths a student's run takes, and leaves nothing running. */
class SelfVisitTest {
    @Test
    void theVisitRunsItsShortRunsToDoneOverTheSocketAndLeavesTheServerIdle() throws Exception {
        try (TestServer server = TestServer.start(RunLimits.defaults())) {
            assertEquals(List.of("done", "done", "done"), SelfVisit.run(server.port()));
            server.awaitIdle(Duration.ofSeconds(5));
            assertEquals(200, server.get("/healthz").statusCode());
        }
    }
}
