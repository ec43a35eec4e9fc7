package playground.engine;

/**
 * Keras's {@code L1L2} weight penalty, l1 · Σ|w| + l2 · Σw², beside its gradient l1 · sign(w) + 2 · l2 · w (sign(0)
 * = 0, as TensorFlow differentiates |w|). Keras adds it to the loss of every batch, in training and in evaluation.
 * Immutable.
 */
public record Regularizer(double l1, double l2) {
    public static final Regularizer NONE = new Regularizer(0, 0);

    public Regularizer {
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l1 and l2 must be finite and at least 0, got " + l1 + ", " + l2);
        }
    }

    public boolean isNone() {
        return l1 == 0 && l2 == 0;
    }

    /** The penalty of the weights {@code w} (rows of a parameter). */
    double value(float[][] w) {
        double abs = 0, squares = 0;
        for (float[] row : w) {
            for (float v : row) {
                abs += Math.abs(v);
                squares += (double) v * v;
            }
        }
        return l1 * abs + l2 * squares;
    }

    /** Adds dPenalty/dw to {@code gradient}, row by row. */
    void addGradient(float[][] w, float[][] gradient) {
        float a = (float) l1, b = (float) (2 * l2);
        for (int r = 0; r < w.length; r++) {
            float[] v = w[r], g = gradient[r];
            for (int i = 0; i < v.length; i++) g[i] += a * Math.signum(v[i]) + b * v[i];
        }
    }
}
