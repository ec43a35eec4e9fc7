package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.RunDoc;

/** Issue 15's documents through the same door, limits and socket as Keras runs. */
class EstimatorRunTest extends EstimatorServerTest {
    private static final String KNN = """
            {"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
             "model": {"estimator": "KNeighborsClassifier", "params": {"n_neighbors": 5}}}""";
    private static final String FOREST = """
            {"dataset": {"name": "digits", "split": {"test_size": 0.2, "random_state": 5}}, "seed": 3,
             "model": {"estimator": "RandomForestClassifier", "params": {"n_estimators": 40, "random_state": 0}}}""";

    @Test
    void theNotesKnnScoreOverHttp() throws Exception {
        HttpResponse<String> response = server.post("/api/train", KNN);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body());
        assertEquals(0.9333333333333333, result.path("score").path("test").asDouble(), 0.0);
        assertEquals(120, result.path("train_rows").asInt());
        assertTrue(result.has("seed") && result.path("metrics").has("confusion_matrix"), response.body());
    }

    @Test
    void aForestGrowsTreeByTreeOverTheSocket() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "forest-browser")) {
            client.start(FOREST);
            List<JsonNode> events = client.until("done", 60);
            JsonNode started = events.stream().filter(e -> e.path("type").asText().equals("started")).findFirst().orElseThrow();
            assertEquals("RandomForestClassifier", started.path("estimator").asText());
            assertEquals(3, started.path("seed").asLong());
            List<JsonNode> steps = events.stream().filter(e -> e.path("type").asText().equals("step")).toList();
            assertTrue(!steps.isEmpty(), events.toString());
            JsonNode last = steps.get(steps.size() - 1);
            assertEquals("tree", last.path("kind").asText());
            assertEquals(40, last.path("index").asInt());
            JsonNode done = events.get(events.size() - 1);
            assertTrue(done.path("score").path("test").asDouble() > 0.9, done.toString());
            assertEquals(64, done.path("feature_importances").size());
        }
        server.awaitIdle(java.time.Duration.ofSeconds(5));
    }

    @Test
    void aBadParameterIsNamedByItsPath() throws Exception {
        HttpResponse<String> response = server.post("/api/train", RunDoc.of(KNN).set("model.params.n_neighbors", 0).json());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("invalid_config", error.path("code").asText());
        assertEquals("model.params.n_neighbors", error.path("field").asText());
    }

    /** Rules only the rows can check are the student's mistake, named by their param, over HTTP and the socket. */
    @Test
    void aParamTheRowsRuleOutIsNamedNotAnInternalError() throws Exception {
        String tooMany = "{\"dataset\": \"iris\", \"model\": {\"estimator\": \"KMeans\", \"params\": {\"n_clusters\": 200}}}";
        HttpResponse<String> response = server.post("/api/train", tooMany);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("invalid_config", error.path("code").asText());
        assertEquals("model.params.n_clusters", error.path("field").asText());
        assertTrue(error.path("message").asText().contains("행 수(150)"), response.body());
        HttpResponse<String> unstable = server.post("/api/train", """
                {"dataset": {"name": "boston_housing", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "Ridge", "preprocess": [{"name": "PolynomialFeatures", "degree": 3}]}}""");
        assertEquals("diverged", JSON.readTree(unstable.body()).path("code").asText(), unstable.body());
        assertTrue(JSON.readTree(unstable.body()).path("message").asText().contains("StandardScaler"), unstable.body());
        try (SocketClient client = SocketClient.open(server.port(), "rows-browser")) {
            client.start(RunDoc.of(KNN).set("model.params.n_neighbors", 121).json());
            List<JsonNode> events = client.until("error", 30);
            JsonNode event = events.get(events.size() - 1);
            assertEquals("model.params.n_neighbors", event.path("field").asText(), event.toString());
        }
    }

    @Test
    void aFitTooBigForOneStepIsRefusedBeforeItRuns() throws Exception {
        HttpResponse<String> response = server.post("/api/train", RunDoc.of(FOREST).set("model.params.n_estimators", 5000).json());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("too_expensive", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("n_estimators"), response.body());
        assertEquals(0, server.status().path("active").asInt());
    }
}
