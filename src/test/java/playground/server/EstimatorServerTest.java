package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;

/** A real server for the scikit-learn run tests, and how they read a run's events. */
abstract class EstimatorServerTest {
    /** One per test class: two workers and starts enough that no test meets the rate limit. */
    @RegisterExtension
    static final RealSite server = RealSite.oneCourse().workers(2).startsPerMinute(1000);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The run's events over a real socket, up to and including {@code done}. */
    static List<JsonNode> run(String document) throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "stream-browser")) {
            client.start(document);
            List<JsonNode> events = client.until("done", 60);
            assertEquals("done", events.get(events.size() - 1).path("type").asText(), events.toString());
            return events;
        }
    }

    static List<JsonNode> steps(List<JsonNode> events, String kind) {
        return events.stream().filter(e -> e.path("type").asText().equals("step") && e.path("kind").asText().equals(kind)).toList();
    }

    /** Every point the steps carried, in order: with thinned events, still one per stage and none twice. */
    static List<JsonNode> points(List<JsonNode> steps) {
        List<JsonNode> all = new ArrayList<>();
        steps.forEach(s -> s.path("points").forEach(all::add));
        return all;
    }
}
