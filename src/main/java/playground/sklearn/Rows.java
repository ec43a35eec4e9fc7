package playground.sklearn;

import playground.data.Samples;

/** Rows as the estimators take them: {@code x[row][feature]} and one target per row. */
public record Rows(double[][] x, double[] y) {
    public static Rows of(Samples samples) {
        double[][] x = new double[samples.rows()][samples.features()];
        for (int i = 0; i < samples.rows(); i++) {
            System.arraycopy(samples.x(), i * samples.features(), x[i], 0, samples.features());
        }
        return new Rows(x, samples.y().clone());
    }

    /** The rows at {@code indices}, in that order (the arrays of the rows are shared). */
    public Rows select(int[] indices) {
        double[][] sx = new double[indices.length][];
        double[] sy = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            sx[i] = x[indices[i]];
            sy[i] = y[indices[i]];
        }
        return new Rows(sx, sy);
    }

    public int size() {
        return y.length;
    }
}
