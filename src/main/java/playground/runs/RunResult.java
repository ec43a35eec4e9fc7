package playground.runs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import playground.document.Summary;

/**
 * A whole run: its seed, summary, History, test-split scores (with {@code confusion_matrix} for a classification),
 * EarlyStopping's {@code stopped_epoch} and {@code best_epoch} (0-based, as Keras; only with the callback), the
 * trained {@code weights} in Keras's get_weights() order (up to the download limit) and wall time. Serialised as
 * RUN-CONFIG.md shows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(long seed, Summary summary, Map<String, List<Double>> history, Map<String, Object> test,
                        Integer stopped_epoch, Integer best_epoch, List<Object> weights, long elapsed_ms) {

    public static RunResult of(long seed, Summary summary, Map<String, List<Double>> history, KerasOutcome outcome,
                               long elapsedMs) {
        return new RunResult(seed, summary, history, outcome.test(), outcome.stoppedEpoch(), outcome.bestEpoch(),
                outcome.weights(), elapsedMs);
    }

    /** The test split's loss and metrics, the numbers of {@code test} (without the confusion matrix). */
    public Map<String, Double> scores() {
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        test.forEach((k, v) -> {
            if (v instanceof Double d) scores.put(k, d);
        });
        return scores;
    }
}
