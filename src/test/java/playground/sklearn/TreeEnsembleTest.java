package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import playground.data.Datasets;

/**
 * Note 03's trees on iris, split as {@code train_test_split(test_size=0.2, random_state=5)}; expected values printed by
 * scikit-learn 1.2.1 for the same {@code random_state}.
 */
class TreeEnsembleTest {
    private static final Rows[] IRIS = split();

    private static Rows[] split() {
        Rows all = Rows.of(Datasets.table("iris"));
        TrainTestSplit s = TrainTestSplit.of(all.size(), 0.2, 5);
        return new Rows[] {all.select(s.train()), all.select(s.test())};
    }

    private static Params params(Map<String, ?> values) {
        return new Params("model.params", values);
    }

    @Test
    void decisionTreeOfDepthFourIsTheNotesTree() {
        DecisionTree tree = new DecisionTree(true, params(Map.of("max_depth", 4, "random_state", 2)), 0);
        tree.fit(IRIS[0].x(), IRIS[0].y());
        assertEquals(0.8666666666666667, tree.score(IRIS[1].x(), IRIS[1].y()));   // notes: 0.8666666666666667
        double[] notes = {0.04642857, 0, 0, 0.95357143};   // notes' feature_importances_
        double[] got = tree.featureImportances();
        for (int j = 0; j < 4; j++) assertEquals(notes[j], got[j], 5e-9);
        double[] predictions = {1, 1, 2, 0, 2, 2, 0, 2, 0, 1, 1, 1, 2, 2, 0, 0, 2, 2, 0, 0, 1, 2, 0, 1, 1, 2, 1, 1, 1, 2};
        assertArrayEquals(predictions, tree.predict(IRIS[1].x()));   // the notes' model.predict(X_test)
    }

    @Test
    void aTreeCutAtItsDepthPredictsAsTheWholeTree() {
        DecisionTree tree = new DecisionTree(true, params(Map.of("max_depth", 4, "random_state", 2)), 0);
        tree.fit(IRIS[0].x(), IRIS[0].y());
        assertEquals(4, tree.depth());
        assertArrayEquals(tree.predict(IRIS[1].x()), tree.predictAtDepth(IRIS[1].x(), 4));
        double[] root = tree.predictAtDepth(IRIS[1].x(), 0);
        for (double p : root) assertEquals(root[0], p);   // the root alone says one class for every row
        double oneLevel = Metrics.accuracy(IRIS[1].y(), tree.predictAtDepth(IRIS[1].x(), 1));
        assertTrue(oneLevel > 0.5 && oneLevel < 0.8, "one split separates setosa only: " + oneLevel);
    }

    @Test
    void randomStateDecidesTiesAsInScikitLearn() {
        DecisionTree tree = new DecisionTree(true, params(Map.of("max_depth", 4, "random_state", 4)), 0);
        tree.fit(IRIS[0].x(), IRIS[0].y());
        assertArrayEquals(new double[] {0.023780487804878056, 0, 0.5476480836236934, 0.4285714285714285},
                tree.featureImportances(), 1e-15);
    }

    @Test
    void randomForestMatchesScikitLearnForTheSameRandomState() {
        RandomForest forest = new RandomForest(true, params(Map.of("n_estimators", 100, "max_depth", 4, "random_state", 0)), 0);
        List<Double> scores = new ArrayList<>();
        forest.fit(IRIS[0].x(), IRIS[0].y(), new FitListener() {
            @Override
            public void step(String kind, int index, int total) {
                scores.add(forest.score(IRIS[1].x(), IRIS[1].y()));   // the forest so far, as a live chart shows it
            }
        });
        assertEquals(100, scores.size());
        assertEquals(0.9, forest.score(IRIS[1].x(), IRIS[1].y()));   // notes: 0.9
        assertArrayEquals(new double[] {0.08897836, 0.02258686, 0.3801676, 0.50826718}, forest.featureImportances(), 5e-9);
    }

    @Test
    void adaBoostScoresAsTheNotes() {
        for (int seed = 0; seed < 3; seed++) {
            AdaBoost boost = new AdaBoost(params(Map.of("n_estimators", 100, "random_state", seed)), 0);
            boost.fit(IRIS[0].x(), IRIS[0].y());
            assertEquals(0.8666666666666667, boost.score(IRIS[1].x(), IRIS[1].y()));
            double[] imp = boost.featureImportances();
            assertEquals(0.17, imp[0], 0.005);   // notes: [0.17, 0.03, 0.39, 0.41]; the last two vary with the seed
            assertEquals(0.03, imp[1], 0.005);
        }
    }

    @Test
    void kmeansFromExplicitCentresMatchesScikitLearn() {
        double[][] x = Rows.of(Datasets.table("iris")).x();
        List<List<Double>> init = List.of(row(x[0]), row(x[50]), row(x[100]));
        KMeans km = new KMeans(params(Map.of("n_clusters", 3, "init", init)), 0);
        List<Integer> iterations = new ArrayList<>();
        List<double[][]> centres = new ArrayList<>();
        km.fit(x, null, new FitListener() {
            @Override
            public void step(String kind, int index, int total) {
                iterations.add(index);
                centres.add(km.liveIteration().centers());
            }
        });
        assertArrayEquals(km.clusterCenters(), centres.get(centres.size() - 1));
        assertEquals(78.851441426146, km.inertia(), 1e-9);
        assertEquals(4, km.nIter());
        assertEquals(List.of(1, 2, 3, 4), iterations);
        assertEquals(4, km.iterations().size());
        assertArrayEquals(km.clusterCenters(), km.iterations().get(3).centers());
        KMeans plusPlus = new KMeans(params(Map.of("n_clusters", 3, "random_state", 0)), 0);
        plusPlus.fit(x, null);
        assertEquals(78.851441426146, plusPlus.inertia(), 1e-9);
    }

    private static List<Double> row(double[] r) {
        List<Double> l = new ArrayList<>();
        for (double v : r) l.add(v);
        return l;
    }

    @Test
    void cancellingStopsBetweenTrees() {
        RandomForest forest = new RandomForest(true, params(Map.of("n_estimators", 50, "random_state", 1)), 0);
        int[] seen = {0};
        assertThrows(CancellationException.class, () -> forest.fit(IRIS[0].x(), IRIS[0].y(), new FitListener() {
            @Override
            public void step(String kind, int index, int total) {
                seen[0] = index;
            }

            @Override
            public boolean cancelled() {
                return seen[0] >= 3;
            }
        }));
        assertEquals(3, forest.trees().size());
    }

    @Test
    void costGrowsWithTheParams() {
        RandomForest small = new RandomForest(true, params(Map.of("n_estimators", 10)), 0);
        RandomForest large = new RandomForest(true, params(Map.of("n_estimators", 100)), 0);
        assertTrue(large.cost(1000, 10, 3).ops() > 9 * small.cost(1000, 10, 3).ops());
        assertTrue(large.cost(1000, 10, 3).bytes() > small.cost(1000, 10, 3).bytes());
        KMeans km = new KMeans(params(Map.of("n_clusters", 3)), 0);
        assertTrue(km.cost(150, 4, 0).ops() > 0);
    }

    @Test
    void badTreeParamsNameTheirField() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> new DecisionTree(true, params(Map.of("max_depth", 0)), 0));
        assertEquals("model.params.max_depth", e.field());
        e = assertThrows(InvalidParamException.class, () -> new RandomForest(false, params(Map.of("criterion", "gini")), 0));
        assertEquals("model.params.criterion", e.field());
        e = assertThrows(InvalidParamException.class, () -> new AdaBoost(params(Map.of("algorithm", "real")), 0));
        assertEquals("model.params.algorithm", e.field());
    }
}
