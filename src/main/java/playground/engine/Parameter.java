package playground.engine;

/**
 * One trainable weight tensor, stored as rows (a kernel's row k holds the weights leaving input k; a kernel of one
 * unit, like a bias, is one row): its values, dLoss/dValue for the current batch, and the optimizer's per-weight state,
 * created by the optimizer on its first step. Rows, rather than one flat array, let the JIT vectorise the loops that
 * read them. Float32, as Keras keeps its variables; the public accessors speak double, in row-major order.
 */
public final class Parameter {
    /** The weights, rows × columns. */
    final float[][] value;
    /** dLoss/dValue: the derivative of the batch loss with respect to each weight, summed over the batch. */
    final float[][] gradient;
    /** The optimizer's slots for each row ({@code slots[row][slot]}); {@code null} until the first step. */
    float[][][] slots;
    private final int columns;

    Parameter(int rows, int columns) {
        this.value = new float[rows][columns];
        this.gradient = new float[rows][columns];
        this.columns = columns;
    }

    public int size() {
        return value.length * columns;
    }

    /** Weight number {@code i} in row-major order. */
    public double get(int i) {
        return value[i / columns][i % columns];
    }

    /** Sets weight number {@code i} in row-major order (rounded to float). */
    public void set(int i, double v) {
        value[i / columns][i % columns] = (float) v;
    }

    /** A flat, row-major copy of the weights. */
    public double[] values() {
        return flatten(value);
    }

    /** A flat, row-major copy of the last computed gradient. */
    public double[] gradients() {
        return flatten(gradient);
    }

    /** Overwrites the weights from a flat, row-major array (tests, loading known weights), rounded to float. */
    public void set(double[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("expected " + size() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) set(i, values[i]);
    }

    private double[] flatten(float[][] rows) {
        double[] flat = new double[size()];
        for (int i = 0; i < flat.length; i++) flat[i] = rows[i / columns][i % columns];
        return flat;
    }
}
