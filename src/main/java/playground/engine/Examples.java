package playground.engine;

/**
 * Inputs and targets, row-major: {@code x} holds rows × features, {@code y} rows × targetWidth (one value per output
 * unit, or one class index per row for sparse targets). Treated as read-only once built.
 */
public record Examples(int rows, int features, double[] x, int targetWidth, double[] y) {
    public Examples {
        if (rows < 0 || features < 1 || targetWidth < 1) {
            throw new IllegalArgumentException("bad shape: rows " + rows + ", features " + features
                    + ", targetWidth " + targetWidth);
        }
        if (x.length != rows * features || y.length != rows * targetWidth) {
            throw new IllegalArgumentException("expected " + rows * features + " inputs and " + rows * targetWidth
                    + " targets, got " + x.length + " and " + y.length);
        }
    }

    /** Rows [from, to). */
    public Examples slice(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside 0.." + rows);
        }
        double[] sx = java.util.Arrays.copyOfRange(x, from * features, to * features);
        double[] sy = java.util.Arrays.copyOfRange(y, from * targetWidth, to * targetWidth);
        return new Examples(to - from, features, sx, targetWidth, sy);
    }

    /**
     * Keras's {@code validation_split}: split_at = floor(rows · (1 − split)); training is rows [0, split_at), validation
     * the last rows [split_at, rows), taken before any shuffling.
     */
    public static int splitAt(int rows, double validationSplit) {
        return (int) Math.floor(rows * (1 - validationSplit));
    }
}
