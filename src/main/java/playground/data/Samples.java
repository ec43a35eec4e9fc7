package playground.data;

/**
 * Rows of a data set, row-major: {@code x} holds rows × features; {@code y} one number per row, the target value for
 * regression or the class index (0, 1, …) for classification. Treated as read-only once built.
 */
public record Samples(int rows, int features, double[] x, double[] y) {
    public Samples {
        if (x.length != rows * features || y.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " × " + features + " inputs and " + rows
                    + " targets, got " + x.length + " and " + y.length);
        }
    }

    /** The rows at {@code indices}, in that order. */
    public Samples select(int[] indices) {
        double[] sx = new double[indices.length * features];
        double[] sy = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * features, sx, i * features, features);
            sy[i] = y[indices[i]];
        }
        return new Samples(indices.length, features, sx, sy);
    }
}
