package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import playground.data.Datasets;

/** Scores printed by scikit-learn 1.2.1 on the notes' split ({@code test_size=0.2, random_state=5}). */
class NeighboursTest {
    private static Rows[] split(String name) {
        Rows all = Rows.of(Datasets.table(name));
        TrainTestSplit s = TrainTestSplit.of(all.size(), 0.2, 5);
        return new Rows[] {all.select(s.train()), all.select(s.test())};
    }

    @Test
    void sweepOverKGivesScikitLearnsScoreForEachK() {
        Rows[] p = split("iris");
        KNeighbors knn = new KNeighbors(true, new Params("model.params", Map.of("n_neighbors", 15)));
        knn.fit(p[0].x(), p[0].y());
        double[] expected = {0.9, 0.9, 0.9333333333333333, 0.9333333333333333, 0.9333333333333333, 0.9666666666666667,
            0.9666666666666667, 1.0, 0.9666666666666667, 0.9666666666666667, 0.9666666666666667, 0.9666666666666667,
            0.9666666666666667, 0.9666666666666667, 0.9666666666666667};
        double[] sweep = new double[15];
        for (int k = 1; k <= 15; k++) sweep[k - 1] = Metrics.accuracy(p[1].y(), knn.predict(p[1].x(), k));
        assertArrayEquals(expected, sweep);   // even k included: tied votes go to the smallest label
    }

    @Test
    void distanceWeightsAndManhattanMatchScikitLearn() {
        Rows[] iris = split("iris");
        KNeighbors c = new KNeighbors(true, new Params("model.params", Map.of("n_neighbors", 4, "weights", "distance", "p", 1)));
        c.fit(iris[0].x(), iris[0].y());
        assertEquals(0.9, c.score(iris[1].x(), iris[1].y()));
        Rows[] diabetes = split("diabetes");
        KNeighbors r = new KNeighbors(false, new Params("model.params", Map.of("n_neighbors", 7, "weights", "distance", "p", 1)));
        r.fit(diabetes[0].x(), diabetes[0].y());
        assertEquals(0.3248063856708413, r.score(diabetes[1].x(), diabetes[1].y()), 1e-14);
    }
}
