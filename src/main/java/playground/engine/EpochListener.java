package playground.engine;

import java.util.Map;

/** Hears about each finished epoch, like a Keras callback's {@code on_epoch_end}. */
@FunctionalInterface
public interface EpochListener {
    /** {@code epoch} counts from 1; {@code logs} in Keras's order: loss, metrics, val_loss, val_metrics. */
    void onEpochEnd(int epoch, Map<String, Double> logs);
}
