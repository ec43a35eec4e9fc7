package playground.engine;

import java.util.List;

/**
 * Keras's EarlyStopping rule (min_delta 0, mode min, start_from_epoch 0) written out again for tests, independently
 * of {@link EarlyStopping}: the number of epochs History keeps for the monitored {@code values}.
 */
public final class KerasEarlyStoppingRule {
    private KerasEarlyStoppingRule() {}

    public static int epochs(List<Double> values, int patience) {
        Double best = null;
        int wait = 0;
        for (int e = 0; e < values.size(); e++) {
            wait++;
            if (best == null || values.get(e) < best) {
                best = values.get(e);
                wait = 0;
            } else if (wait >= patience && e > 0) {
                return e + 1;
            }
        }
        return values.size();
    }
}
