package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TrainerTest {
    private static final Metric MAE = Metric.resolve("mae", Loss.MSE);

    private static Examples line(int rows) {
        double[] x = new double[rows * 2];
        double[] y = new double[rows];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < rows; i++) {
            x[2 * i] = r.nextDouble();
            x[2 * i + 1] = r.nextDouble();
            y[i] = 3 * x[2 * i] - x[2 * i + 1] + 0.5;
        }
        return new Examples(rows, 2, x, 1, y);
    }

    private static Sequential model(long seed) {
        Sequential m = new Sequential(2, false).add(8, Activation.TANH, 0).add(1, Activation.LINEAR, 0);
        m.initialize(new SplittableRandom(seed));
        return m;
    }

    @Test
    void predictingManyRowsBetweenEpochsLeavesTrainingAndEvaluationIntact() {
        // A decision-boundary view predicts a 40 × 40 grid between epochs, which grows the model's buffers.
        Examples data = line(100);
        Trainer watched = new Trainer(model(4), Loss.MSE, List.of(), new Sgd(0.05, 0, false), data, data.slice(80, 100),
                10, true, new SplittableRandom(4));
        Trainer plain = new Trainer(model(4), Loss.MSE, List.of(), new Sgd(0.05, 0, false), data, data.slice(80, 100),
                10, true, new SplittableRandom(4));
        for (int epoch = 0; epoch < 3; epoch++) {
            watched.model().predict(new double[1600 * 2], 1600);
            assertEquals(plain.trainEpoch(() -> false), watched.trainEpoch(() -> false));
        }
    }

    @Test
    void lastPartialBatchIsKept() {
        Examples data = line(323);
        Sgd sgd = new Sgd(0.01, 0, false);
        Trainer t = new Trainer(model(1), Loss.MSE, List.of(), sgd, data, null, 16, true, new SplittableRandom(1));
        t.trainEpoch(() -> false);
        assertEquals(21, sgd.iterations());  // ceil(323 / 16): 20 full batches and one of 3 rows
    }

    @Test
    void epochLossIsBatchSizeWeightedMeanOfBatchLossesBeforeEachUpdate() {
        // With a zero learning rate nothing moves, so the weighted mean of the batch losses must equal the loss over
        // all rows; an unweighted mean would over-count the last batch of 3 rows.
        Examples data = line(323);
        Sequential m = model(2);
        Trainer t = new Trainer(m, Loss.MSE, List.of(MAE), new Sgd(0, 0, false), data, null, 16, true,
                new SplittableRandom(2));
        Map<String, Double> logs = t.trainEpoch(() -> false);
        Map<String, Double> all = t.evaluate(data);
        assertEquals(all.get("loss"), logs.get("loss"), 1e-12);
        assertEquals(all.get("mae"), logs.get("mae"), 1e-12);
    }

    @Test
    void validationLossUsesEndOfEpochWeightsAndKerasKeyOrder() {
        Examples all = line(100);
        int splitAt = Examples.splitAt(100, 0.2);
        Trainer t = new Trainer(model(3), Loss.MSE, List.of(MAE), new Adam(0.01, 0.9, 0.999, 1e-7),
                all.slice(0, splitAt), all.slice(splitAt, 100), 16, true, new SplittableRandom(3));
        Map<String, Double> logs = t.trainEpoch(() -> false);
        assertEquals(List.of("loss", "mae", "val_loss", "val_mae"), List.copyOf(logs.keySet()));
        assertEquals(t.evaluate(all.slice(80, 100)).get("loss"), logs.get("val_loss"), 0.0);
    }

    @Test
    void validationSplitPointIsFloorOfRowsTimesOneMinusSplit() {
        assertEquals(323, Examples.splitAt(404, 0.2));
        assertEquals(3, Examples.splitAt(5, 0.3));  // floor(3.5)
        assertEquals(0, Examples.splitAt(3, 0.9));
    }

    /** Each epoch's logs, as Keras's history holds them. */
    private static List<Map<String, Double>> epochs(Trainer t, int n) {
        List<Map<String, Double>> logs = new java.util.ArrayList<>();
        for (int e = 0; e < n; e++) logs.add(t.trainEpoch(() -> false));
        return logs;
    }

    @Test
    void sameSeedGivesIdenticalHistory() {
        Examples data = line(50);
        List<List<Map<String, Double>>> h = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Trainer t = new Trainer(model(9), Loss.MSE, List.of(MAE), new Adam(0.01, 0.9, 0.999, 1e-7), data,
                    null, 8, true, new SplittableRandom(9));
            h.add(epochs(t, 5));
        }
        assertEquals(h.get(0), h.get(1));
    }

    @Test
    void cancellationIsCheckedBeforeEveryBatch() {
        Examples data = line(64);
        Sgd sgd = new Sgd(0.01, 0, false);
        Trainer t = new Trainer(model(4), Loss.MSE, List.of(), sgd, data, null, 16, true, new SplittableRandom(4));
        int[] asked = {0};
        assertNull(t.trainEpoch(() -> ++asked[0] > 2));
        assertEquals(2, sgd.iterations());
    }

    @Test
    void fittingALineDrivesTheLossDown() {
        Examples data = line(200);
        Trainer t = new Trainer(model(5), Loss.MSE, List.of(), new Adam(0.01, 0.9, 0.999, 1e-7), data, null, 16, true,
                new SplittableRandom(5));
        List<Map<String, Double>> h = epochs(t, 100);
        assertEquals(100, h.size());
        assertEquals(0, h.get(99).get("loss"), 0.01);
    }

    @Test
    void predictReturnsOneRowPerInput() {
        Sequential m = model(6);
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] p = m.predict(x, 3);
        assertEquals(3, p.length);
        assertArrayEquals(m.predict(new double[] {0.3, 0.4}, 1), new double[] {p[1]}, 0.0);
    }

    @Test
    void rSquaredIsOneForPerfectAndZeroForTheMean() {
        assertEquals(1.0, RSquared.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 0.0);
        assertEquals(0.0, RSquared.of(new double[] {2, 2, 2}, new double[] {1, 2, 3}), 0.0);
    }
}
