package playground.engine;

/**
 * Keras's {@code RMSprop} (defaults: learning_rate 0.001, rho 0.9, epsilon 1e-7, no momentum, not centred):
 * v ← rho·v + (1 − rho)·g²;  w ← w − lr·g / √(v + ε).
 */
public final class RmsProp extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;
    private final float rho;
    private final float oneMinusRho;
    private final float epsilon;

    public RmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = (float) rho;
        this.oneMinusRho = (float) (1 - rho);
        this.epsilon = (float) epsilon;
    }

    @Override protected float[][] newSlots(int size) {
        return new float[][] {new float[size]};
    }

    @Override protected void update(float[] w, float[] g, float[][] slots) {
        float[] v = slots[0];
        for (int i = 0; i < w.length; i++) {
            v[i] = rho * v[i] + oneMinusRho * (g[i] * g[i]);
            w[i] -= lr * g[i] / (float) Math.sqrt(v[i] + epsilon);
        }
    }
}
