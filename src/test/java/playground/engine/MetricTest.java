package playground.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Metric names as Keras's compile resolves them, and each measure on rows small enough to check by hand. */
class MetricTest {
    private static double mean(String name, Loss loss, float[] p, float[] y, int rows, int units) {
        Metric m = Metric.resolve(name, loss);
        return m.result(m.total(p, y, rows, units) / rows);
    }

    @Test
    void accuracyAndAccResolveByTheLossInAnyCaseAndKeepTheirName() {
        assertEquals(Metric.Measure.BINARY_ACCURACY, Metric.resolve("acc", Loss.BINARY_CROSSENTROPY).measure());
        assertEquals(Metric.Measure.CATEGORICAL_ACCURACY, Metric.resolve("Accuracy", Loss.CATEGORICAL_CROSSENTROPY).measure());
        assertEquals(Metric.Measure.SPARSE_CATEGORICAL_ACCURACY,
                Metric.resolve("ACC", Loss.SPARSE_CATEGORICAL_CROSSENTROPY).measure());
        assertEquals("ACC", Metric.resolve("ACC", Loss.SPARSE_CATEGORICAL_CROSSENTROPY).name());
    }

    @Test
    void explicitNamesMeanOneMeasureWhateverTheLoss() {
        assertEquals(Metric.Measure.SPARSE_CATEGORICAL_ACCURACY,
                Metric.resolve("sparse_categorical_accuracy", Loss.BINARY_CROSSENTROPY).measure());
        assertEquals(Metric.Measure.MEAN_ABSOLUTE_ERROR, Metric.resolve("MeanAbsoluteError", Loss.MSE).measure());
        assertEquals(Metric.Measure.MEAN_SQUARED_ERROR, Metric.resolve("MSE", Loss.MSE).measure());
        assertNull(Metric.resolve("Mae", Loss.MSE), "only accuracy and acc ignore case, as in Keras");
        assertNull(Metric.resolve("r2", Loss.MSE));
    }

    @Test
    void errorMeasuresAsKerasDefinesThem() {
        float[] p = {1, 3}, y = {2, 2};
        assertEquals(1.0, mean("mae", Loss.MSE, p, y, 2, 1), 1e-9);
        assertEquals(1.0, mean("mean_squared_error", Loss.MSE, p, y, 2, 1), 1e-9);
        // √ of the epoch's mean square, not the mean of per-row roots: rows off by 1 and 3 give √5, not 2
        assertEquals(Math.sqrt(5), mean("root_mean_squared_error", Loss.MSE, new float[] {1, 5}, y, 2, 1), 1e-6);
        assertEquals(50.0, mean("mape", Loss.MSE, p, y, 2, 1), 1e-4);
        assertEquals(0.1235814643516586, mean("msle", Loss.MSE, p, y, 2, 1), 1e-6);
    }

    @Test
    void accuracyMeasuresCountRowsLikeKeras() {
        assertEquals(0.5, mean("binary_accuracy", Loss.BINARY_CROSSENTROPY, new float[] {0.7f, 0.6f},
                new float[] {1, 0}, 2, 1), 1e-9);
        assertEquals(1.0, mean("categorical_accuracy", Loss.CATEGORICAL_CROSSENTROPY, new float[] {0.2f, 0.8f},
                new float[] {0, 1}, 1, 2), 1e-9);
        assertEquals(0.0, mean("sparse_categorical_accuracy", Loss.SPARSE_CATEGORICAL_CROSSENTROPY,
                new float[] {0.2f, 0.8f}, new float[] {0}, 1, 2), 1e-9);
    }
}
