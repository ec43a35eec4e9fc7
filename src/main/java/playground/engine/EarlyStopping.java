package playground.engine;

import java.util.Map;

/**
 * Keras 3's {@code EarlyStopping} callback (keras/src/callbacks/early_stopping.py with monitor_callback.py), read
 * line by line. At the end of epoch e (0-based, as Keras counts): skip while e &lt; start_from_epoch; otherwise the wait
 * grows by one, and a value better than the best so far by more than min_delta (the first one always is) becomes the
 * best and resets the wait to 0; else, once wait &ge; patience and e &gt; 0, training stops and stopped_epoch = e.
 * With restore_best_weights the best epoch's weights are put back when training ends, whether it stopped early or
 * ran every epoch (Keras 3 restores in on_train_end whenever it kept any). Not thread-safe.
 */
public final class EarlyStopping {
    private final String monitor;
    private final int patience;
    /** |min_delta|: an improvement must beat the best by more than this. */
    private final double minDelta;
    /** Whether larger values are better (mode "max", or "auto" on an accuracy). */
    private final boolean maximise;
    private final boolean restoreBestWeights;
    private final int startFromEpoch;

    private int wait;
    private int stoppedEpoch;
    private int bestEpoch;
    private Double best;
    private float[][][] bestWeights;

    public EarlyStopping(String monitor, int patience, double minDelta, boolean maximise, boolean restoreBestWeights,
                         int startFromEpoch) {
        if (patience < 0) throw new IllegalArgumentException("patience must be at least 0, got " + patience);
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = Math.abs(minDelta);
        this.maximise = maximise;
        this.restoreBestWeights = restoreBestWeights;
        this.startFromEpoch = startFromEpoch;
    }

    /**
     * Keras's {@code on_epoch_end}: {@code epoch} is 0-based, {@code logs} the epoch's History entry. Returns whether
     * training must stop now. A log without the monitored key is ignored, as Keras only warns.
     */
    public boolean onEpochEnd(int epoch, Map<String, Double> logs, Sequential model) {
        Double current = logs.get(monitor);
        if (current == null || epoch < startFromEpoch) return false;
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model.snapshot(null);
            bestEpoch = epoch;
        }
        wait++;
        if (isImprovement(current)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) bestWeights = model.snapshot(bestWeights);
            wait = 0;
            return false;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            return true;
        }
        return false;
    }

    /** Keras's {@code on_train_end}: the best weights back, when asked for and kept. */
    public void onTrainEnd(Sequential model) {
        if (restoreBestWeights && bestWeights != null) model.restore(bestWeights);
    }

    /** monitor_op(current − min_delta, best), min_delta negated for a quantity to minimise. */
    private boolean isImprovement(double current) {
        if (best == null) return true;
        return maximise ? current - minDelta > best : current + minDelta < best;
    }

    /** The epoch (0-based) training stopped at; 0 when it did not stop early, as Keras reports it. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (0-based) of the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Whether training stopped before its last epoch. */
    public boolean stopped() {
        return stoppedEpoch > 0;
    }
}
