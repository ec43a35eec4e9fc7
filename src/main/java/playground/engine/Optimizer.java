package playground.engine;

import java.util.List;

/**
 * A gradient-descent rule in Keras 3's form. {@link #apply} counts the step (Keras's {@code iterations + 1}) and
 * moves every parameter by its gradient. Subclasses hold one rule each, written as Keras writes it, in float32 as Keras
 * runs it on float32 variables (hyper-parameters rounded to float, as Keras casts them). Not thread-safe.
 */
public abstract class Optimizer {
    protected final double learningRate;
    /** The learning rate as the update loops use it. */
    protected final float lr;
    private long iterations;

    protected Optimizer(double learningRate) {
        this.learningRate = learningRate;
        this.lr = (float) learningRate;
    }

    /** One update of every parameter from its current gradient. */
    public final void apply(List<Parameter> parameters) {
        long step = ++iterations;
        beginStep(step);
        for (Parameter p : parameters) {
            if (p.slots == null) {
                p.slots = new float[p.value.length][][];
                for (int r = 0; r < p.value.length; r++) p.slots[r] = newSlots(p.value[r].length);
            }
            for (int r = 0; r < p.value.length; r++) update(p.value[r], p.gradient[r], p.slots[r]);
        }
    }

    /** Number of steps taken so far (Keras's {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The per-weight state this rule keeps for one row of {@code size} weights, zero-filled unless the rule says otherwise. */
    protected abstract float[][] newSlots(int size);

    /** Step-wide quantities (Adam's bias corrections), computed once per step; {@code step} counts from 1. */
    protected void beginStep(long step) {}

    /** Moves one row of weights {@code w} along its dLoss/dw {@code g}. */
    protected abstract void update(float[] w, float[] g, float[][] slots);
}
