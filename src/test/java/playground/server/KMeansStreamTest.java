package playground.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** K-means over a real socket: each iteration's centres, inertia and (on the plane) labels; the kept init in done. */
class KMeansStreamTest extends EstimatorServerTest {
    @Test
    void aPlaneSetsIterationsCarryCentresInertiaAndLabels() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "gauss", "samples": 300, "noise": 0.3}, "seed": 2,
                 "model": {"estimator": "KMeans", "params": {"n_clusters": 4, "n_init": 3, "random_state": 1}}}""");
        JsonNode done = events.get(events.size() - 1);
        List<JsonNode> steps = steps(events, "iteration");
        assertFalse(steps.isEmpty());
        int rows = done.path("train_rows").asInt();
        for (JsonNode s : steps) {
            assertEquals(4, s.path("centers").size(), s.toString());
            assertEquals(2, s.path("centers").get(0).size());
            assertEquals(rows, s.path("labels").size());
            assertTrue(s.path("inertia").asDouble() > 0);
            assertTrue(s.path("init").asInt() >= 0 && s.path("init").asInt() < 3);
        }
        JsonNode iterations = done.path("iterations");
        assertEquals(done.path("n_iter").asInt(), iterations.size());
        int kept = done.path("init_index").asInt();
        assertTrue(kept >= 0 && kept < 3);
        JsonNode last = iterations.get(iterations.size() - 1);
        assertEquals(done.path("cluster_centers"), last.path("centers"));
        for (int i = 1; i < iterations.size(); i++) {
            assertTrue(iterations.get(i).path("inertia").asDouble() <= iterations.get(i - 1).path("inertia").asDouble() + 1e-9);
        }
        // the last record is before the final assignment, which can only lower the inertia
        assertTrue(done.path("inertia").asDouble() <= last.path("inertia").asDouble() + 1e-9, done.toString());
    }

    /** Many clusters of many features: the steps leave the centres out rather than exceed ~64 KB, and no labels off the plane. */
    @Test
    void bigCentresStayOutOfTheSteps() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "digits"}, "seed": 2,
                 "model": {"estimator": "KMeans", "params": {"n_clusters": 60, "n_init": 1, "max_iter": 20, "random_state": 1}}}""");
        for (JsonNode s : steps(events, "iteration")) {
            assertFalse(s.has("centers") || s.has("labels"), s.toString());
            assertTrue(s.toString().length() < 64_000);
        }
        JsonNode done = events.get(events.size() - 1);
        assertTrue(done.path("iterations").get(0).path("centers").isNull());
        assertEquals(60, done.path("cluster_centers").size());
    }

    /** Behind a scaler the centres are still drawn over the points: each is the mean of its cluster's own rows. */
    @Test
    void centresBehindAScalerAreInTheDataSetsOwnSpace() throws Exception {
        List<JsonNode> events = run("""
                {"dataset": {"name": "gauss"}, "seed": 2, "model": {"estimator": "KMeans",
                 "params": {"n_clusters": 3, "n_init": 1, "tol": 0, "random_state": 4},
                 "preprocess": [{"name": "StandardScaler"}, {"name": "MinMaxScaler", "feature_range": [-1, 1]}]}}""");
        JsonNode done = events.get(events.size() - 1);
        String[] table = server.get("/api/datasets/gauss/all.csv").body().strip().split("\n");
        JsonNode labels = done.path("labels");
        assertEquals(table.length - 1, labels.size());
        double[][] sum = new double[3][2];
        int[] count = new int[3];
        for (int r = 0; r < labels.size(); r++) {
            String[] cells = table[r + 1].split(",");
            int c = labels.get(r).asInt();
            count[c]++;
            for (int j = 0; j < 2; j++) sum[c][j] += Double.parseDouble(cells[j]);
        }
        JsonNode iterations = done.path("iterations");
        JsonNode centres = iterations.get(iterations.size() - 1).path("centers");
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 2; j++) assertEquals(sum[c][j] / count[c], centres.get(c).get(j).asDouble(), 1e-9);
        }
        List<JsonNode> steps = steps(events, "iteration");
        assertEquals(centres, steps.get(steps.size() - 1).path("centers"));
    }
}
