package playground.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import playground.document.RunSpec;

/**
 * What a finished Keras run reports besides its History, gathered once for both the socket's {@code done} and
 * {@code POST /api/train}'s result.
 *
 * @param scores          the test split's loss and metrics, {@code r2} or {@code accuracy}
 * @param confusionMatrix the test split's confusion matrix (rows true, columns predicted), or null (regression)
 * @param featureWeights  a one-layer model's weights per feature, or null
 * @param weights         every weight in Keras's {@code get_weights()} order, or null past the download limit
 * @param stoppedEpoch    EarlyStopping's stopped_epoch (0-based, 0 = ran every epoch), or null without it
 * @param bestEpoch       EarlyStopping's best epoch (0-based), or null without it
 */
public record KerasOutcome(Map<String, Double> scores, int[][] confusionMatrix, LearnedWeights featureWeights,
                           List<Object> weights, Integer stoppedEpoch, Integer bestEpoch) {

    static KerasOutcome of(RunSpec spec, Training training) {
        return new KerasOutcome(training.test(), training.confusionMatrix(),
                LearnedWeights.of(spec, training.model()).orElse(null), ModelWeights.of(training.model()),
                training.stoppedEpoch(), training.bestEpoch());
    }

    /** The result's {@code test}: the scores, then {@code confusion_matrix} for a classification. */
    public Map<String, Object> test() {
        Map<String, Object> test = new LinkedHashMap<>(scores);
        if (confusionMatrix != null) test.put("confusion_matrix", confusionMatrix);
        return test;
    }
}
