package playground.engine;

/**
 * The metrics Keras reports beside the loss. A sample's value is averaged over the epoch, weighted by rows, as
 * Keras's stateful {@code Mean} metrics do. {@code accuracy} means what Keras resolves it to for the loss at hand:
 * binary (threshold 0.5), categorical (argmax of one-hot targets) or sparse categorical (argmax against an index).
 */
public enum Metric {
    MAE("mae"), MSE("mse"), BINARY_ACCURACY("accuracy"), CATEGORICAL_ACCURACY("accuracy"),
    SPARSE_CATEGORICAL_ACCURACY("accuracy");

    private final String kerasName;

    Metric(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The History key: {@code mae}, {@code mse} or {@code accuracy}. */
    public String kerasName() {
        return kerasName;
    }

    /** The metric called {@code name} for a model trained with {@code loss}, or {@code null}. */
    public static Metric resolve(String name, Loss loss) {
        switch (name) {
            case "mae": return MAE;
            case "mse": return MSE;
            case "accuracy":
                return switch (loss) {
                    case SPARSE_CATEGORICAL_CROSSENTROPY -> SPARSE_CATEGORICAL_ACCURACY;
                    case CATEGORICAL_CROSSENTROPY -> CATEGORICAL_ACCURACY;
                    default -> BINARY_ACCURACY;
                };
            default: return null;
        }
    }

    /**
     * The sum over the first {@code rows} rows of each sample's value (layout as in {@link Loss}): each term in float32
     * as Keras computes it, summed in double (Keras's Mean accumulates in float32; double only drifts less).
     */
    public double total(float[] p, float[] y, int rows, int units) {
        double sum = 0;
        switch (this) {
            case MAE -> {
                for (int i = 0, n = rows * units; i < n; i++) sum += Math.abs(p[i] - y[i]);
                sum /= units;
            }
            case MSE -> {
                for (int i = 0, n = rows * units; i < n; i++) {
                    float d = p[i] - y[i];
                    sum += d * d;
                }
                sum /= units;
            }
            case BINARY_ACCURACY -> {
                for (int i = 0, n = rows * units; i < n; i++) sum += ((p[i] > 0.5f ? 1f : 0f) == y[i]) ? 1 : 0;
                sum /= units;
            }
            case CATEGORICAL_ACCURACY -> {
                for (int r = 0; r < rows; r++) sum += argmax(p, r * units, units) == argmax(y, r * units, units) ? 1 : 0;
            }
            case SPARSE_CATEGORICAL_ACCURACY -> {
                for (int r = 0; r < rows; r++) sum += argmax(p, r * units, units) == (int) y[r] ? 1 : 0;
            }
        }
        return sum;
    }

    static int argmax(float[] v, int base, int units) {
        int best = 0;
        for (int j = 1; j < units; j++) if (v[base + j] > v[base + best]) best = j;
        return best;
    }
}
