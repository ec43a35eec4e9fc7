package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.RealSite;

/** {@code model.sweep} over a real server: KNN's score against k, k-means' elbow, and what a sweep may not ask. */
class SweepTest extends EstimatorServerTest {
    private static final String KNN = """
            {"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
             "model": {"estimator": "KNeighborsClassifier", "params": {"n_neighbors": 5},
                       "sweep": {"param": "n_neighbors", "values": VALUES}}}""";
    private static final String ELBOW = """
            {"dataset": "iris", "seed": 9,
             "model": {"estimator": "KMeans", "params": {"n_clusters": 3, "random_state": 0},
                       "sweep": {"param": "n_clusters", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}}}""";

    private static String range(int from, int to) {
        List<Integer> v = new ArrayList<>();
        for (int i = from; i <= to; i++) v.add(i);
        return v.toString();
    }

    @Test
    void knnsScoreAgainstKStreamsEveryValueAndKeepsTheDocumentsOwnResult() throws Exception {
        List<JsonNode> events = run(KNN.replace("VALUES", range(1, 15)));
        List<JsonNode> steps = steps(events, "sweep");
        List<JsonNode> points = points(steps);
        assertEquals(15, points.size(), steps.toString());
        JsonNode done = events.get(events.size() - 1);
        JsonNode sweep = done.path("sweep");
        assertEquals("n_neighbors", sweep.path("param").asText());
        for (int i = 0; i < 15; i++) {
            assertEquals(i + 1, points.get(i).path("value").asInt());
            assertEquals(sweep.path("test").get(i).asDouble(), points.get(i).path("test").asDouble(), 0.0);
            assertEquals(sweep.path("train").get(i).asDouble(), points.get(i).path("train").asDouble(), 0.0);
        }
        assertEquals(1.0, sweep.path("train").get(0).asDouble(), 0.0);   // k = 1 remembers every training row
        assertEquals(0.9333333333333333, sweep.path("test").get(4).asDouble(), 0.0);   // the notes' k = 5
        assertEquals(0.9333333333333333, done.path("score").path("test").asDouble(), 0.0);
        JsonNode last = steps.get(steps.size() - 1);
        assertEquals(15, last.path("value").asInt());
        assertEquals(15, last.path("index").asInt());
    }

    @Test
    void theElbowIsEachKsOwnInertia() throws Exception {
        List<JsonNode> events = run(ELBOW);
        JsonNode done = events.get(events.size() - 1);
        JsonNode inertia = done.path("sweep").path("inertia");
        assertEquals(10, inertia.size());
        assertTrue(inertia.get(0).asDouble() > inertia.get(9).asDouble());
        assertEquals(done.path("inertia").asDouble(), inertia.get(2).asDouble(), 0.0);   // the document's own k = 3
        assertEquals(78.851441426146, inertia.get(2).asDouble(), 1e-9);   // iris, k = 3, as scikit-learn prints it
        assertEquals(10, points(steps(events, "sweep")).size());
    }

    @Test
    void aSweepAsksOnlyWhatTheRegistryAllows() throws Exception {
        refused(KNN.replace("VALUES", range(1, 31)), "model.sweep.values");
        refused(KNN.replace("VALUES", "[]"), "model.sweep.values");
        refused(KNN.replace("VALUES", "[1, 0, 3]"), "model.sweep.values[1]");
        refused(KNN.replace("VALUES", "[1, 2.5]"), "model.sweep.values[1]");
        refused(KNN.replace("VALUES", "[1, 121]"), "model.sweep.values[1]");   // more than the 120 training rows
        refused(RunDoc.of(KNN.replace("VALUES", "[1, 2]")).set("model.sweep.param", "p").json(), "model.sweep.param");
        RunDoc twoValues = RunDoc.of(KNN.replace("VALUES", "[1, 2]"));
        refused(twoValues.remove("model.sweep.values").add("model.sweep.steps", twoValues.at("model.sweep.values")).json(),
                "model.sweep.steps");
        refused("""
                {"dataset": "iris", "model": {"estimator": "RandomForestClassifier",
                 "sweep": {"param": "n_estimators", "values": [1, 2]}}}""", "model.sweep");
    }

    /**
     * Each fit of a sweep must pass the step limit, and all of them together the cost budget: thirty k of KNN on
     * digits (each fit ~2.5e8) are refused under a 5e9 budget that one of them passes, naming what to shrink.
     */
    @Test
    void aSweepsFitsTogetherMustPassTheBudget() throws Exception {
        String digits = """
                {"dataset": {"name": "digits", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "KNeighborsClassifier", "sweep": {"param": "n_neighbors", "values": VALUES}}}""";
        try (RealSite small = RealSite.oneCourse().workers(1).costBudget(5e9).start()) {
            HttpResponse<String> response = small.post("/api/train", digits.replace("VALUES", range(1, 30)));
            assertEquals(400, response.statusCode(), response.body());
            JsonNode error = JSON.readTree(response.body());
            assertEquals("too_expensive", error.path("code").asText());
            assertEquals("model.sweep.values", error.path("field").asText());
            assertTrue(error.path("message").asText().contains("값 30개") && error.path("message").asText().contains("줄여"),
                    response.body());
            assertEquals(0, small.status().path("active").asInt());
            assertEquals(200, small.post("/api/train", digits.replace("VALUES", "[1, 5, 9]")).statusCode());
        }
        // one value too big for a step is refused whatever the budget, naming the params
        HttpResponse<String> response = server.post("/api/train", """
                {"dataset": "digits", "model": {"estimator": "KMeans", "params": {"n_init": 50},
                 "sweep": {"param": "n_clusters", "values": [2, 40]}}}""");
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("too_expensive", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("n_init"), response.body());
    }

    private static void refused(String document, String field) throws Exception {
        HttpResponse<String> response = server.post("/api/train", document);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("invalid_config", error.path("code").asText());
        assertEquals(field, error.path("field").asText(), response.body());
        assertTrue(error.path("message").asText().matches(".*[가-힣].*"), response.body());
    }
}
