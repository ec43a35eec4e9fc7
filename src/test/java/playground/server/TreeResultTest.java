package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import playground.PythonSklearn;

/** A decision tree's result as the browser draws it, over a real server, held against scikit-learn's tree_. */
class TreeResultTest extends EstimatorServerTest {
    private static final String IRIS = """
            {"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
             "model": {"estimator": "DecisionTreeClassifier", "params": {"random_state": 0}}}""";
    private static final String DIABETES = """
            {"dataset": {"name": "diabetes", "split": {"test_size": 0.2, "random_state": 5}},
             "model": {"estimator": "DecisionTreeRegressor", "params": {"max_depth": 5, "random_state": 0}}}""";

    private static JsonNode done(String document) throws Exception {
        List<JsonNode> events = run(document);
        return events.get(events.size() - 1);
    }

    @Test
    void theNodesAreScikitLearnsTreeArraysInTheirOrder() throws Exception {
        String[] theirs = PythonSklearn.run(PythonSklearn.script("tree_nodes.py"), List.of(IRIS, DIABETES).toString())
                .strip().split("\n");
        for (int c = 0; c < 2; c++) {
            JsonNode tree = done(c == 0 ? IRIS : DIABETES).path("tree");
            JsonNode expected = JSON.readTree(theirs[c]);
            int count = expected.path("feature").size();
            assertEquals(count, tree.path("node_count").asInt());
            assertFalse(tree.path("truncated").asBoolean());
            assertEquals(count, tree.path("nodes").size());
            for (int i = 0; i < count; i++) {
                JsonNode n = tree.path("nodes").get(i);
                String where = (c == 0 ? "iris" : "diabetes") + " node " + i;
                assertEquals(i, n.path("id").asInt());
                boolean leaf = expected.path("left").get(i).asInt() < 0;
                assertEquals(leaf ? -1 : expected.path("feature").get(i).asInt(), n.path("feature").asInt(), where);
                if (!leaf) assertEquals(expected.path("threshold").get(i).asDouble(), n.path("threshold").asDouble(), 0.0, where);
                assertEquals(expected.path("impurity").get(i).asDouble(), n.path("impurity").asDouble(), 1e-12, where);
                assertEquals(expected.path("samples").get(i).asInt(), n.path("samples").asInt(), where);
                assertEquals(expected.path("left").get(i).asInt(), n.path("left").asInt(), where);
                assertEquals(expected.path("right").get(i).asInt(), n.path("right").asInt(), where);
                for (int v = 0; v < expected.path("value").get(i).size(); v++) {
                    assertEquals(expected.path("value").get(i).get(v).asDouble(), n.path("value").get(v).asDouble(), 1e-9, where);
                }
            }
        }
    }

    /** The rows listed at a node are the training rows that reach it; all.csv at split_rows.train gives their values. */
    @Test
    void aNodesRowsAreTheTrainingRowsThatReachIt() throws Exception {
        JsonNode done = done(IRIS);
        JsonNode tree = done.path("tree");
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"),
                JSON.convertValue(done.path("feature_names"), List.class));
        assertEquals("setosa", tree.path("classes").get(0).asText());
        String[] table = server.get("/api/datasets/iris/all.csv").body().strip().split("\n");
        assertEquals(151, table.length);
        JsonNode trainRows = done.path("split_rows").path("train");
        for (JsonNode n : tree.path("nodes")) {
            assertEquals(n.path("samples").asInt(), n.path("rows").size(), n.toString());
            if (n.path("feature").asInt() < 0) continue;
            JsonNode left = tree.path("nodes").get(n.path("left").asInt()), right = tree.path("nodes").get(n.path("right").asInt());
            Set<Integer> below = new HashSet<>();
            for (JsonNode side : List.of(left, right)) side.path("rows").forEach(r -> below.add(r.asInt()));
            Set<Integer> here = new HashSet<>();
            n.path("rows").forEach(r -> here.add(r.asInt()));
            assertEquals(here, below);
            for (JsonNode r : left.path("rows")) {
                String[] cells = table[1 + trainRows.get(r.asInt()).asInt()].split(",");
                float value = Float.parseFloat(cells[n.path("feature").asInt()]);
                assertTrue(value <= n.path("threshold").asDouble(), n + " row " + r);
            }
        }
    }

    @Test
    void aBigTreeSendsItsTopLevelsAndSaysItIsCut() throws Exception {
        JsonNode tree = done("""
                {"dataset": {"name": "diabetes", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "DecisionTreeRegressor", "params": {"random_state": 0}}}""").path("tree");
        assertTrue(tree.path("truncated").asBoolean());
        assertTrue(tree.path("node_count").asInt() > 255);
        assertEquals(255, tree.path("nodes").size());
        int deepestSent = 0;
        Set<Integer> ids = new HashSet<>();
        for (JsonNode n : tree.path("nodes")) {
            deepestSent = Math.max(deepestSent, n.path("depth").asInt());
            ids.add(n.path("id").asInt());
        }
        for (JsonNode n : tree.path("nodes")) {
            // a child is missing only below the deepest level sent, never above it
            if (n.path("feature").asInt() >= 0 && !ids.contains(n.path("left").asInt())) {
                assertTrue(n.path("depth").asInt() >= deepestSent - 1, n.toString());
            }
        }
    }
}
