package playground.engine;

/**
 * Keras's {@code Normalization} layer: {@link #adapt} stores each feature's mean and population variance (ddof 0);
 * the output is (x - mean) / max(√variance, 1e-7). Its weights (mean, variance, count: 2n + 1 numbers) are not trained.
 * The statistics are computed in double and stored in float32, as Keras stores them; the layer then runs in float32.
 * Not thread-safe.
 */
public final class Normalization {
    final int features;
    final float[] mean;
    final float[] variance;
    long count;
    /** max(√variance, 1e-7), per feature, computed once by adapt. */
    private final float[] std;
    /**
     * What {@link #adapt} stores, without a layer: each column's mean and population variance, in double then float32.
     * The sandbox's preview shows these before any model is built.
     */
    public static float[][] statistics(double[] x, int rows, int features) {
        if (rows < 1) throw new IllegalArgumentException("adapt needs at least one row, got " + rows);
        float[] mean = new float[features], variance = new float[features];
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) sum += x[r * features + j];
            double m = sum / rows, squares = 0;
            for (int r = 0; r < rows; r++) squares += (x[r * features + j] - m) * (x[r * features + j] - m);
            mean[j] = (float) m;
            variance[j] = (float) (squares / rows);
        }
        return new float[][] {mean, variance};
    }

    /** Normalised rows, [row][feature]. */
    float[][] output;
    /** dLoss/dInput, [row][feature]. */
    float[][] dInput;

    Normalization(int features) {
        this.features = features;
        this.mean = new float[features];
        this.variance = new float[features];
        this.std = new float[features];
        java.util.Arrays.fill(variance, 1f);
        java.util.Arrays.fill(std, 1f);
    }

    /** Learns mean and population variance of each column of {@code x} (rows × features). */
    public void adapt(double[] x, int rows) {
        float[][] stats = statistics(x, rows, features);
        for (int j = 0; j < features; j++) {
            mean[j] = stats[0][j];
            variance[j] = stats[1][j];
            std[j] = Math.max((float) Math.sqrt(variance[j]), 1e-7f);
        }
        count = rows;
    }

    void allocate(int capacity) {
        output = new float[capacity][features];
        dInput = new float[capacity][features];
    }

    /** output = (x - mean) / max(√variance, 1e-7). */
    void forward(float[][] x, int rows) {
        for (int r = 0; r < rows; r++) {
            float[] in = x[r], out = output[r];
            for (int j = 0; j < features; j++) out[j] = (in[j] - mean[j]) / std[j];
        }
    }

    /** dLoss/dInput = dLoss/dOutput / max(√variance, 1e-7). */
    void backward(float[][] dOutput, int rows) {
        for (int r = 0; r < rows; r++) {
            float[] d = dOutput[r], dx = dInput[r];
            for (int j = 0; j < features; j++) dx[j] = d[j] / std[j];
        }
    }

    public double[] mean() {
        return Floats.widen(mean);
    }

    public double[] variance() {
        return Floats.widen(variance);
    }

    public long count() {
        return count;
    }

    /** mean (n) + variance (n) + count (1). */
    public long paramCount() {
        return 2L * features + 1;
    }
}
