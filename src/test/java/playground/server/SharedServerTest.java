package playground.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import playground.runs.RunLimits;

/** One real server for a whole test class: two workers and starts enough that no test meets the rate limit. */
abstract class SharedServerTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(RunLimits.defaults().withWorkers(2).withStartsPerMinute(1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }
}
