package playground.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import playground.engine.Dense;
import playground.engine.Sequential;
import playground.document.RunSpec;

/**
 * The weights of a one-layer model (linear or logistic regression as a single Dense layer), shown per feature
 * after training so a student can read what the model learned.
 *
 * @param features   the data set's feature names, one per kernel row
 * @param kernel     kernel[feature][unit]
 * @param bias       bias[unit]
 * @param normalized whether the weights apply to normalized inputs ((x − mean) / √variance)
 */
public record LearnedWeights(List<String> features, double[][] kernel, double[] bias, boolean normalized) {
    /** Models with more layers, or too many inputs to read, have no such table. */
    static final int MAX_FEATURES = 64;

    static Optional<LearnedWeights> of(RunSpec spec, Sequential model) {
        if (model.layers().size() != 1 || model.inputs() > MAX_FEATURES) return Optional.empty();
        Dense dense = model.layers().get(0);
        double[] k = dense.kernel().values();
        double[][] kernel = new double[dense.inputs()][dense.units()];
        for (int i = 0; i < dense.inputs(); i++) {
            for (int u = 0; u < dense.units(); u++) kernel[i][u] = k[i * dense.units() + u];
        }
        List<String> features = new ArrayList<>(spec.inputs());
        return Optional.of(new LearnedWeights(features, kernel, dense.bias().values(), spec.model().normalize()));
    }
}
