package playground.engine;

import java.util.List;

/**
 * A gradient-descent rule in Keras 3's form. {@link #apply} counts the step (Keras's {@code iterations + 1}) and
 * moves every parameter by its gradient. Subclasses hold one rule each, written as Keras writes it. Not thread-safe.
 */
public abstract class Optimizer {
    protected final double learningRate;
    private long iterations;

    protected Optimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    /** One update of every parameter from its current gradient. */
    public final void apply(List<Parameter> parameters) {
        long step = ++iterations;
        beginStep(step);
        for (Parameter p : parameters) {
            if (p.slots == null) p.slots = newSlots(p.size());
            update(p.value, p.gradient, p.slots);
        }
    }

    /** Number of steps taken so far (Keras's {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The per-weight state this rule keeps, zero-filled unless the rule says otherwise. */
    protected abstract double[][] newSlots(int size);

    /** Step-wide quantities (Adam's bias corrections), computed once per step; {@code step} counts from 1. */
    protected void beginStep(long step) {}

    /** Moves the weights {@code w} along dLoss/dw {@code g}. */
    protected abstract void update(double[] w, double[] g, double[][] slots);
}
