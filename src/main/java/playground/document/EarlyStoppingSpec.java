package playground.document;

import playground.engine.EarlyStopping;

/**
 * Keras's {@code EarlyStopping} as {@code fit.callbacks} lists it, every default filled in; {@code maximise} is the
 * direction {@code mode} (or, for "auto", the monitored quantity) gives.
 */
public record EarlyStoppingSpec(String monitor, int patience, double min_delta, String mode,
                                boolean restore_best_weights, int start_from_epoch, boolean maximise) {

    /** A fresh callback for one fit. */
    public EarlyStopping create() {
        return new EarlyStopping(monitor, patience, min_delta, maximise, restore_best_weights, start_from_epoch);
    }
}
