package playground.engine;

/**
 * Keras's {@code SGD} (defaults: learning_rate 0.01, momentum 0, nesterov false):
 * without momentum w ← w − lr·g; with it m ← momentum·m − lr·g, then w ← w + m, or with Nesterov
 * w ← w + momentum·m − lr·g.
 */
public final class Sgd extends Optimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    private final float momentum;
    private final boolean nesterov;

    public Sgd(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
    }

    @Override protected float[][] newSlots(int size) {
        return new float[][] {new float[momentum != 0 ? size : 0]};
    }

    @Override protected void update(float[] w, float[] g, float[][] slots) {
        float lr = this.lr;
        if (momentum == 0) {
            for (int i = 0; i < w.length; i++) w[i] -= lr * g[i];
            return;
        }
        float[] m = slots[0];
        for (int i = 0; i < w.length; i++) {
            m[i] = -g[i] * lr + m[i] * momentum;
            w[i] += nesterov ? -g[i] * lr + m[i] * momentum : m[i];
        }
    }
}
