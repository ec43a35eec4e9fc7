package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scikit-learn run streams as it grows, over a real socket: staged scores, k-means, sweeps, trees, planes. */
class EstimatorStreamTest extends EstimatorServerTest {
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

    /** A thousand-tree forest (admitted: small trees) scores every second tree, and no step grows past ~64 KB. */
    @Test
    void aHugeEnsemblesCurveAndStepsStayBounded() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "RandomForestClassifier", "params": {"n_estimators": 1000, "max_depth": 2,
                           "random_state": 0}}}""");
        JsonNode staged = events.get(events.size() - 1).path("staged");
        assertEquals(500, staged.path("index").size());
        assertEquals(2, staged.path("index").get(0).asInt());
        assertEquals(1000, staged.path("index").get(499).asInt());
        assertEquals(500, points(steps(events, "tree")).size());
        for (JsonNode e : events) {
            if (!e.path("type").asText().equals("done")) assertTrue(e.toString().length() < 64_000, e.path("type").asText());
        }
    }
}
