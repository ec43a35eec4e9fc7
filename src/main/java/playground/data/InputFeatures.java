package playground.data;

import java.util.List;

/**
 * TensorFlow Playground's input features for a 2-D data set, computed from its two columns x1 and x2: the run
 * document's {@code dataset.features}. The names are the registry's (playground.vocabulary lists them for the
 * browser); the Keras code writes the same formulas with NumPy. Stateless.
 */
public final class InputFeatures {
    /** Every feature, in TensorFlow Playground's order. */
    public static final List<String> NAMES = List.of("x1", "x2", "x1^2", "x2^2", "x1x2", "sin(x1)", "sin(x2)");
    /** The two columns as they are: what a document without {@code features} trains on. */
    public static final List<String> DEFAULT = List.of("x1", "x2");

    private InputFeatures() {}

    /** One feature of the point (x1, x2). */
    static double value(String name, double x1, double x2) {
        return switch (name) {
            case "x1" -> x1;
            case "x2" -> x2;
            case "x1^2" -> x1 * x1;
            case "x2^2" -> x2 * x2;
            case "x1x2" -> x1 * x2;
            case "sin(x1)" -> Math.sin(x1);
            case "sin(x2)" -> Math.sin(x2);
            default -> throw new IllegalArgumentException("unknown input feature: " + name);
        };
    }

    /** {@code rows} points (x1, x2), row-major, as rows of {@code features}. */
    public static double[] apply(List<String> features, double[] points, int rows) {
        int k = features.size();
        double[] out = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) out[r * k + j] = value(features.get(j), points[2 * r], points[2 * r + 1]);
        }
        return out;
    }

    /** A 2-D data set's rows with {@code features} as their columns. */
    public static Samples apply(List<String> features, Samples points) {
        if (points.features() != 2) {
            throw new IllegalArgumentException("input features need 2 columns, not " + points.features());
        }
        return new Samples(points.rows(), features.size(), apply(features, points.x(), points.rows()), points.y());
    }

    /** The feature as NumPy computes it from arrays {@code x1} and {@code x2}, for the Keras code. */
    public static String numpy(String name) {
        return switch (name) {
            case "x1^2" -> "x1 ** 2";
            case "x2^2" -> "x2 ** 2";
            case "x1x2" -> "x1 * x2";
            case "sin(x1)" -> "np.sin(x1)";
            case "sin(x2)" -> "np.sin(x2)";
            default -> name;
        };
    }
}
