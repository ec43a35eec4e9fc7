package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Decision regions of scikit-learn models on a 2-D set, over a real socket, in the Keras grid's format. */
class EstimatorPlaneTest extends EstimatorServerTest {
    private static Set<Double> distinct(JsonNode values) {
        Set<Double> s = new HashSet<>();
        values.forEach(v -> s.add(v.asDouble()));
        return s;
    }

    @Test
    void aForestOnTheSpiralSendsThePointsThenPlanesAsItGrows() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "spiral", "samples": 300, "noise": 0.1},
                 "model": {"estimator": "RandomForestClassifier", "params": {"n_estimators": 40, "random_state": 0}}}""");
        JsonNode points = events.stream().filter(e -> e.path("type").asText().equals("points")).findFirst().orElseThrow();
        JsonNode done = events.get(events.size() - 1);
        assertEquals(done.path("train_rows").asInt(), points.path("train").size());
        assertEquals(3, points.path("train").get(0).size());
        List<JsonNode> planes = steps(events, "tree").stream().filter(s -> s.has("plane")).toList();
        assertFalse(planes.isEmpty());
        assertTrue(planes.size() <= 20);
        JsonNode last = planes.get(planes.size() - 1).path("plane");
        assertEquals(40, last.path("size").asInt());
        assertEquals(1600, last.path("values").size());
        JsonNode plane = done.path("plane");
        assertEquals(1600, plane.path("values").size());
        // binary: the probability of class 1 as a network's grid holds it, here the mean of 40 trees' (pure) leaves
        Set<Double> levels = distinct(plane.path("values"));
        assertTrue(levels.size() > 2, levels.toString());
        for (double v : levels) assertEquals(Math.rint(v * 40), v * 40, 1e-9, levels.toString());
        assertTrue(plane.path("classes").isNull());
        assertEquals(40, planes.get(planes.size() - 1).path("index").asInt());   // the last tree always goes
        assertEquals(plane.path("values"), last.path("values"));
    }

    /** Depth steps are thinned like the others (their points are not): a stump's one step carries its plane. */
    @Test
    void aStumpSplitsThePlaneInTwoAlongOneAxis() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "xor"},
                 "model": {"estimator": "DecisionTreeClassifier", "params": {"max_depth": 1, "random_state": 0}}}""");
        List<JsonNode> depths = steps(events, "depth");
        JsonNode first = depths.get(0);
        assertEquals(1, first.path("index").asInt());
        assertTrue(first.has("plane"), first.toString());
        assertTrue(distinct(first.path("plane").path("values")).size() <= 2);
        // a depth-1 tree has one threshold on one axis: every row (or every column) of the grid is one colour
        JsonNode v = first.path("plane").path("values");
        boolean rowsUniform = true, columnsUniform = true;
        for (int r = 0; r < 40; r++) {
            for (int c = 1; c < 40; c++) {
                rowsUniform &= v.get(r * 40 + c).asDouble() == v.get(r * 40).asDouble();
                columnsUniform &= v.get(c * 40 + r).asDouble() == v.get(r).asDouble();
            }
        }
        assertTrue(rowsUniform || columnsUniform);
    }

    /** A tree's done carries its plane cut at each depth: at most 2^d row patterns at depth d, the last the plane. */
    @Test
    void aTreesDoneHoldsItsPlaneAtEachDepth() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "xor"},
                 "model": {"estimator": "DecisionTreeClassifier", "params": {"max_depth": 5, "random_state": 0}}}""");
        JsonNode done = events.get(events.size() - 1);
        JsonNode planes = done.path("depth_planes");
        assertEquals(done.path("depth").asInt(), planes.size());
        assertEquals(done.path("plane").path("values"), planes.get(planes.size() - 1).path("values"));
        for (int d = 0; d < planes.size(); d++) {
            assertEquals(d + 1, planes.get(d).path("epoch").asInt());
            int patterns = rowPatterns(planes.get(d).path("values"));
            assertTrue(patterns <= 1 << (d + 1), "depth " + (d + 1) + ": " + patterns + " row patterns");
        }
        assertTrue(rowPatterns(planes.get(0).path("values")) <= 2);
    }

    /** The distinct rows of the grid: a tree cut at depth d has at most 2^d leaves, so at most that many. */
    private static int rowPatterns(JsonNode values) {
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < 40; r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < 40; c++) row.append(values.get(r * 40 + c).asInt());
            seen.add(row.toString());
        }
        return seen.size();
    }

    /** Logistic regression's plane is its probability: 0.5 on a straight line, rising across it. */
    @Test
    void logisticRegressionsPlaneIsItsProbability() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "gauss"}, "model": {"estimator": "LogisticRegression"}}""");
        JsonNode values = events.get(events.size() - 1).path("plane").path("values");
        assertTrue(distinct(values).size() > 100);
        double low = 1, high = 0;
        for (JsonNode v : values) {
            low = Math.min(low, v.asDouble());
            high = Math.max(high, v.asDouble());
        }
        assertTrue(low < 0.05 && high > 0.95, low + " " + high);
    }

    @Test
    void kMeansRegionsAreItsClusters() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "gauss"}, "seed": 1,
                 "model": {"estimator": "KMeans", "params": {"n_clusters": 3, "random_state": 0}}}""");
        JsonNode plane = events.get(events.size() - 1).path("plane");
        Set<Integer> classes = new HashSet<>();
        plane.path("classes").forEach(c -> classes.add(c.asInt()));
        assertEquals(Set.of(0, 1, 2), classes);
        assertTrue(steps(events, "iteration").stream().noneMatch(s -> s.has("plane")));
    }
}
