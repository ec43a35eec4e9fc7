package playground.engine;

/**
 * Keras's {@code Adam} (defaults: learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7). At step t (from 1):
 * α = lr·√(1 − β2ᵗ)/(1 − β1ᵗ);  m ← m + (g − m)(1 − β1);  v ← v + (g² − v)(1 − β2);  w ← w − α·m/(√v + ε).
 * ε sits outside the bias correction, as in Keras. With {@code amsgrad} a third slot keeps the largest v so far,
 * v̂ ← max(v̂, v), and the step divides by √v̂ instead (Keras's {@code amsgrad=True}).
 */
public final class Adam extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;
    private final double beta1;
    private final double beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float epsilon;
    private final boolean amsgrad;
    /** α of the current step (computed in double, then rounded: at least as exact as Keras's float32 powers). */
    private float alpha;

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, false);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        super(learningRate);
        this.amsgrad = amsgrad;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.oneMinusBeta2 = (float) (1 - beta2);
        this.epsilon = (float) epsilon;
    }

    @Override protected float[][] newSlots(int size) {
        return amsgrad ? new float[][] {new float[size], new float[size], new float[size]}
                : new float[][] {new float[size], new float[size]};
    }

    @Override protected void beginStep(long step) {
        alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
    }

    @Override protected void update(float[] w, float[] g, float[][] slots) {
        if (amsgrad) {
            updateAmsgrad(w, g, slots);
            return;
        }
        float[] m = slots[0], v = slots[1];
        float a = alpha, b1 = oneMinusBeta1, b2 = oneMinusBeta2, eps = epsilon;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * b1;
            float vi = v[i] + (gi * gi - v[i]) * b2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= a * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    /**
     * As {@link #update}, dividing by the square root of v̂ = the largest v so far (slot 2). A loop of its own, so the
     * plain Adam loop (the notes' run) stays free of a branch and of a third array.
     */
    private void updateAmsgrad(float[] w, float[] g, float[][] slots) {
        float[] m = slots[0], v = slots[1], vHat = slots[2];
        float a = alpha, b1 = oneMinusBeta1, b2 = oneMinusBeta2, eps = epsilon;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * b1;
            float vi = v[i] + (gi * gi - v[i]) * b2;
            m[i] = mi;
            v[i] = vi;
            vHat[i] = Math.max(vHat[i], vi);
            w[i] -= a * mi / ((float) Math.sqrt(vHat[i]) + eps);
        }
    }
}
