package playground.engine;

/**
 * Keras's {@code Normalization} layer: {@link #adapt} stores each feature's mean and population variance (ddof 0);
 * the output is (x - mean) / max(√variance, 1e-7). Its weights (mean, variance, count: 2n + 1 numbers) are not trained.
 * Not thread-safe.
 */
public final class Normalization {
    final int features;
    final double[] mean;
    final double[] variance;
    long count;
    /** 1 / max(√variance, 1e-7), per feature, computed once by adapt. */
    private final double[] inverseStd;
    /** Normalised rows, [row][feature]. */
    double[][] output;
    /** dLoss/dInput, [row][feature]. */
    double[][] dInput;

    Normalization(int features) {
        this.features = features;
        this.mean = new double[features];
        this.variance = new double[features];
        this.inverseStd = new double[features];
        java.util.Arrays.fill(variance, 1.0);
        java.util.Arrays.fill(inverseStd, 1.0);
    }

    /** Learns mean and population variance of each column of {@code x} (rows × features). */
    public void adapt(double[] x, int rows) {
        if (rows < 1) throw new IllegalArgumentException("adapt needs at least one row, got " + rows);
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(variance, 0.0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) mean[j] += x[r * features + j];
        }
        for (int j = 0; j < features; j++) mean[j] /= rows;
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < features; j++) {
                double d = x[r * features + j] - mean[j];
                variance[j] += d * d;
            }
        }
        for (int j = 0; j < features; j++) {
            variance[j] /= rows;
            inverseStd[j] = 1.0 / Math.max(Math.sqrt(variance[j]), 1e-7);
        }
        count = rows;
    }

    void allocate(int capacity) {
        output = new double[capacity][features];
        dInput = new double[capacity][features];
    }

    /** output = (x - mean) / max(√variance, 1e-7). */
    void forward(double[][] x, int rows) {
        for (int r = 0; r < rows; r++) {
            double[] in = x[r], out = output[r];
            for (int j = 0; j < features; j++) out[j] = (in[j] - mean[j]) * inverseStd[j];
        }
    }

    /** dLoss/dInput = dLoss/dOutput / max(√variance, 1e-7). */
    void backward(double[][] dOutput, int rows) {
        for (int r = 0; r < rows; r++) {
            double[] d = dOutput[r], dx = dInput[r];
            for (int j = 0; j < features; j++) dx[j] = d[j] * inverseStd[j];
        }
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] variance() {
        return variance.clone();
    }

    public long count() {
        return count;
    }

    /** mean (n) + variance (n) + count (1). */
    public long paramCount() {
        return 2L * features + 1;
    }
}
