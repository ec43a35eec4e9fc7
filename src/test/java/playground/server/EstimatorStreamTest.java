package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import playground.runs.RunLimits;

/** What a scikit-learn run streams as it grows, over a real socket: staged scores, k-means, sweeps, trees, planes. */
class EstimatorStreamTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(RunLimits.defaults().withWorkers(2).withStartsPerMinute(1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

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

    @Test
    void aForestsStepsCarryEveryTreesScoresAndDoneTheWholeCurve() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "digits", "split": {"test_size": 0.2, "random_state": 5}}, "seed": 3,
                 "model": {"estimator": "RandomForestClassifier", "params": {"n_estimators": 60, "random_state": 0}}}""");
        JsonNode done = events.get(events.size() - 1);
        JsonNode staged = done.path("staged");
        assertEquals("tree", staged.path("kind").asText());
        assertEquals(60, staged.path("index").size());
        List<JsonNode> points = points(steps(events, "tree"));
        assertEquals(60, points.size(), events.toString());
        for (int i = 0; i < 60; i++) {
            assertEquals(i + 1, points.get(i).path("index").asInt());
            assertEquals(staged.path("train").get(i).asDouble(), points.get(i).path("train").asDouble(), 0.0);
            assertEquals(staged.path("test").get(i).asDouble(), points.get(i).path("test").asDouble(), 0.0);
        }
        assertEquals(done.path("score").path("test").asDouble(), staged.path("test").get(59).asDouble(), 0.0);
        assertEquals(done.path("score").path("train").asDouble(), staged.path("train").get(59).asDouble(), 0.0);
    }

    @Test
    void aTreesDepthsAreStreamedAfterItIsGrown() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "wine", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "DecisionTreeClassifier", "params": {"random_state": 0}}}""");
        JsonNode done = events.get(events.size() - 1);
        int depth = done.path("depth").asInt();
        assertEquals("depth", done.at("/staged/kind").asText());
        assertEquals(depth, done.at("/staged/index").size());
        List<JsonNode> depthSteps = steps(events, "depth");
        assertEquals(depth, depthSteps.get(depthSteps.size() - 1).path("index").asInt());
        assertEquals(depth, points(depthSteps).size());
        assertEquals(1.0, done.at("/staged/train").get(depth - 1).asDouble(), 0.0);   // grown to purity
    }
}
