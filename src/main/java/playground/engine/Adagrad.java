package playground.engine;

/**
 * Keras's {@code Adagrad} (defaults: learning_rate 0.001, initial_accumulator_value 0.1, epsilon 1e-7):
 * acc ← acc + g²;  w ← w − lr·g / √(acc + ε).
 */
public final class Adagrad extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_EPSILON = 1e-7;
    public static final double INITIAL_ACCUMULATOR_VALUE = 0.1;
    private final float epsilon;

    public Adagrad(double learningRate, double epsilon) {
        super(learningRate);
        this.epsilon = (float) epsilon;
    }

    @Override protected float[][] newSlots(int size) {
        float[] acc = new float[size];
        java.util.Arrays.fill(acc, (float) INITIAL_ACCUMULATOR_VALUE);
        return new float[][] {acc};
    }

    @Override protected void update(float[] w, float[] g, float[][] slots) {
        float[] acc = slots[0];
        for (int i = 0; i < w.length; i++) {
            acc[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(acc[i] + epsilon);
        }
    }
}
