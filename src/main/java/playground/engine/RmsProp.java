package playground.engine;

/**
 * Keras's {@code RMSprop} (defaults: learning_rate 0.001, rho 0.9, epsilon 1e-7, no momentum, not centred):
 * v ← rho·v + (1 − rho)·g²;  w ← w − lr·g / √(v + ε).
 */
public final class RmsProp extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;
    private final double rho;
    private final double epsilon;

    public RmsProp(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override protected double[][] newSlots(int size) {
        return new double[][] {new double[size]};
    }

    @Override protected void update(double[] w, double[] g, double[][] slots) {
        double[] v = slots[0];
        for (int i = 0; i < w.length; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            w[i] -= learningRate * g[i] / Math.sqrt(v[i] + epsilon);
        }
    }
}
