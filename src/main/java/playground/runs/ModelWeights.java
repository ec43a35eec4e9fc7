package playground.runs;

import java.util.ArrayList;
import java.util.List;
import playground.engine.Dense;
import playground.engine.Footprint;
import playground.engine.Normalization;
import playground.engine.Sequential;
import playground.vocabulary.Remedies;

/**
 * The trained model's weights in Keras's {@code model.get_weights()} order, so {@code model.set_weights(weights)}
 * takes them as they are: the Normalization's mean (n), variance (n) and count (a scalar), then per Dense layer its
 * kernel [input][unit] and bias [unit] (Dropout has none). float32 values, written as the shortest decimal that reads
 * back as the same float32. Only models of at most {@link Remedies#MAX_DOWNLOAD_PARAMS} weights carry them: the done
 * message stays a few hundred kilobytes at most (~12 characters a weight).
 */
final class ModelWeights {
    /** Heap per weight while the list is held and written: its float, the JSON text, the bytes sent (generous). */
    private static final long BYTES_PER_WEIGHT = 48;

    private ModelWeights() {}

    /** The weights, or null when the model has more than the download limit. */
    static List<Object> of(Sequential model) {
        long count = model.trainableParams() + model.nonTrainableParams();
        if (count > Remedies.MAX_DOWNLOAD_PARAMS) return null;
        List<Object> weights = new ArrayList<>();
        Normalization n = model.normalization();
        if (n != null) {
            weights.add(floats(n.mean()));
            weights.add(floats(n.variance()));
            weights.add(n.count());
        }
        for (Dense d : model.layers()) {
            double[] k = d.kernel().values();
            float[][] kernel = new float[d.inputs()][d.units()];
            // row-major kernel[input][unit] (a one-unit layer's one row is the same order)
            for (int i = 0; i < d.inputs(); i++) {
                for (int u = 0; u < d.units(); u++) kernel[i][u] = (float) k[i * d.units() + u];
            }
            weights.add(kernel);
            weights.add(floats(d.bias().values()));
        }
        return weights;
    }

    /** What carrying them costs the run's memory estimate (nothing past the limit: none are carried). */
    static long bytes(int[] widths, boolean normalize) {
        long count = Footprint.parameters(widths) + (normalize ? 2L * widths[0] + 1 : 0);
        return count > Remedies.MAX_DOWNLOAD_PARAMS ? 0 : count * BYTES_PER_WEIGHT;
    }

    private static float[] floats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }
}
