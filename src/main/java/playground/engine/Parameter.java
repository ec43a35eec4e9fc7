package playground.engine;

/**
 * One trainable weight tensor, flattened: its values, dLoss/dValue for the current batch, and the optimizer's
 * per-weight state (Adam's m and v, a momentum, an accumulator), created by the optimizer on its first step.
 */
public final class Parameter {
    /** The weights. */
    final double[] value;
    /** dLoss/dValue: the derivative of the batch loss with respect to each weight, summed over the batch. */
    final double[] gradient;
    /** The optimizer's slots, each as long as {@link #value}; {@code null} until the first step. */
    double[][] slots;

    Parameter(int size) {
        value = new double[size];
        gradient = new double[size];
    }

    public int size() {
        return value.length;
    }

    /** A copy of the weights. */
    public double[] values() {
        return value.clone();
    }

    /** A copy of the last computed gradient. */
    public double[] gradients() {
        return gradient.clone();
    }

    /** Overwrites the weights (tests, and loading known weights). */
    public void set(double[] values) {
        if (values.length != value.length) {
            throw new IllegalArgumentException("expected " + value.length + " values, got " + values.length);
        }
        System.arraycopy(values, 0, value, 0, value.length);
    }
}
