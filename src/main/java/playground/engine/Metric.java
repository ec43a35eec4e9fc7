package playground.engine;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A metric Keras reports beside the loss, under the name it was given ({@code "acc"} logs {@code acc} and
 * {@code val_acc}, as Keras's {@code compile_utils.get_metric} keeps the string). A sample's value is averaged over the
 * epoch, weighted by rows, as Keras's stateful {@code Mean} metrics do. Immutable; shared freely between threads.
 *
 * @param name    the History key, exactly as given
 * @param measure what is computed
 */
public record Metric(String name, Measure measure) {

    /** What a metric computes. {@link #total} sums it over rows; {@link #result} turns the epoch's mean into the value. */
    public enum Measure {
        /** mean |p − y| over a row's units. */
        MEAN_ABSOLUTE_ERROR,
        /** mean (p − y)² over a row's units. */
        MEAN_SQUARED_ERROR,
        /** √(mean (p − y)²) over the epoch (Keras's {@code RootMeanSquaredError}: the root of the epoch's mean). */
        ROOT_MEAN_SQUARED_ERROR,
        /** 100 · mean |(y − p) / max(|y|, 1e-7)|. */
        MEAN_ABSOLUTE_PERCENTAGE_ERROR,
        /** mean (log(max(p, 1e-7) + 1) − log(max(y, 1e-7) + 1))². */
        MEAN_SQUARED_LOGARITHMIC_ERROR,
        /** 1 where (p &gt; 0.5) equals y, per unit. */
        BINARY_ACCURACY,
        /** 1 where argmax p equals argmax y (one-hot targets). */
        CATEGORICAL_ACCURACY,
        /** 1 where argmax p equals the class index y. */
        SPARSE_CATEGORICAL_ACCURACY;

        /** Keras's snake_case name of this measure, e.g. {@code binary_accuracy}. */
        public String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isAccuracy() {
            return this == BINARY_ACCURACY || this == CATEGORICAL_ACCURACY || this == SPARSE_CATEGORICAL_ACCURACY;
        }

        /** The accuracy that fits {@code loss}'s targets: what Keras resolves {@code "accuracy"} to. */
        public static Measure accuracyFor(Loss loss) {
            return switch (loss) {
                case SPARSE_CATEGORICAL_CROSSENTROPY -> SPARSE_CATEGORICAL_ACCURACY;
                case CATEGORICAL_CROSSENTROPY -> CATEGORICAL_ACCURACY;
                default -> BINARY_ACCURACY;
            };
        }
    }

    /**
     * The names Keras's {@code metrics.get} finds for each measure: the short aliases, the snake_case names and the
     * class names ({@code keras/src/metrics/__init__.py}). {@code accuracy} and {@code acc}, in any case, are resolved
     * by the loss instead (see {@link #resolve}).
     */
    private static final Map<String, Measure> NAMES = aliases();

    private static Map<String, Measure> aliases() {
        Map<String, Measure> m = new LinkedHashMap<>();
        alias(m, Measure.MEAN_ABSOLUTE_ERROR, "mae", "MAE", "mean_absolute_error", "MeanAbsoluteError");
        alias(m, Measure.MEAN_SQUARED_ERROR, "mse", "MSE", "mean_squared_error", "MeanSquaredError");
        alias(m, Measure.ROOT_MEAN_SQUARED_ERROR, "root_mean_squared_error", "RootMeanSquaredError");
        alias(m, Measure.MEAN_ABSOLUTE_PERCENTAGE_ERROR, "mape", "MAPE", "mean_absolute_percentage_error",
                "MeanAbsolutePercentageError");
        alias(m, Measure.MEAN_SQUARED_LOGARITHMIC_ERROR, "msle", "MSLE", "mean_squared_logarithmic_error",
                "MeanSquaredLogarithmicError");
        alias(m, Measure.BINARY_ACCURACY, "binary_accuracy", "BinaryAccuracy");
        alias(m, Measure.CATEGORICAL_ACCURACY, "categorical_accuracy", "CategoricalAccuracy");
        alias(m, Measure.SPARSE_CATEGORICAL_ACCURACY, "sparse_categorical_accuracy", "SparseCategoricalAccuracy");
        return m;
    }

    private static void alias(Map<String, Measure> m, Measure measure, String... names) {
        for (String n : names) m.put(n, measure);
    }

    /** Every name Keras's {@code compile} accepts for one of these measures: accuracy, acc, then the rest. */
    public static Set<String> names() {
        Set<String> s = new LinkedHashSet<>(List.of("accuracy", "acc"));
        s.addAll(NAMES.keySet());
        return s;
    }

    /** The names Keras finds {@code measure} under, the short alias first ({@code mae, MAE, mean_absolute_error, ...}). */
    public static List<String> aliases(Measure measure) {
        return NAMES.entrySet().stream().filter(e -> e.getValue() == measure).map(Map.Entry::getKey).toList();
    }

    /** accuracy, acc and the shortest name of each other measure (mae, not MeanAbsoluteError): for messages. */
    public static Set<String> commonNames() {
        Set<String> s = new LinkedHashSet<>(List.of("accuracy", "acc"));
        Set<Measure> seen = EnumSet.noneOf(Measure.class);
        NAMES.forEach((name, measure) -> {
            if (seen.add(measure)) s.add(name);
        });
        return s;
    }

    /** What {@code name} measures for a model trained with {@code loss}, or {@code null} for a name Keras does not know. */
    public static Measure measure(String name, Loss loss) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("accuracy") || lower.equals("acc")) return Measure.accuracyFor(loss);
        return NAMES.get(name);
    }

    /**
     * What {@code name} measures when it names one measure whatever the loss; accuracy and acc, which depend on the
     * loss, give {@link Measure#BINARY_ACCURACY}. {@code null} for a name Keras does not know.
     */
    public static Measure known(String name) {
        return measure(name, Loss.BINARY_CROSSENTROPY);
    }

    /** The metric called {@code name} for a model trained with {@code loss}, or {@code null}. */
    public static Metric resolve(String name, Loss loss) {
        Measure m = measure(name, loss);
        return m == null ? null : new Metric(name, m);
    }

    /**
     * The sum over the first {@code rows} rows of each sample's value (layout as in {@link Loss}): each term in float32
     * as Keras computes it, summed in double (Keras's Mean accumulates in float32; double only drifts less).
     */
    public double total(float[] p, float[] y, int rows, int units) {
        double sum = 0;
        switch (measure) {
            case MEAN_ABSOLUTE_ERROR -> {
                for (int i = 0, n = rows * units; i < n; i++) sum += Math.abs(p[i] - y[i]);
                sum /= units;
            }
            case MEAN_SQUARED_ERROR, ROOT_MEAN_SQUARED_ERROR -> {
                for (int i = 0, n = rows * units; i < n; i++) {
                    float d = p[i] - y[i];
                    sum += d * d;
                }
                sum /= units;
            }
            case MEAN_ABSOLUTE_PERCENTAGE_ERROR -> {
                for (int i = 0, n = rows * units; i < n; i++) {
                    sum += 100f * Math.abs((y[i] - p[i]) / Math.max(Math.abs(y[i]), Loss.EPSILON));
                }
                sum /= units;
            }
            case MEAN_SQUARED_LOGARITHMIC_ERROR -> {
                for (int i = 0, n = rows * units; i < n; i++) {
                    float d = Loss.log(Math.max(p[i], Loss.EPSILON) + 1f) - Loss.log(Math.max(y[i], Loss.EPSILON) + 1f);
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

    /** The metric's value from the mean of {@link #total} over the rows seen. */
    public double result(double mean) {
        return measure == Measure.ROOT_MEAN_SQUARED_ERROR ? Math.sqrt(mean) : mean;
    }

    static int argmax(float[] v, int base, int units) {
        int best = 0;
        for (int j = 1; j < units; j++) if (v[base + j] > v[base + best]) best = j;
        return best;
    }
}
