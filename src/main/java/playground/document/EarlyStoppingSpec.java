package playground.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import playground.engine.EarlyStopping;

/**
 * Keras's {@code EarlyStopping} as {@code fit.callbacks} lists it, every default filled in; {@code maximise} is the
 * direction {@code mode} (or, for "auto", the monitored quantity) gives.
 */
@JsonPropertyOrder({"name", "monitor", "patience", "min_delta", "mode", "restore_best_weights", "start_from_epoch"})
public record EarlyStoppingSpec(String monitor, int patience, double min_delta, String mode,
                                boolean restore_best_weights, int start_from_epoch, @JsonIgnore boolean maximise) {
    /** The callback's name in {@code fit.callbacks}. */
    @JsonProperty("name")
    String name() {
        return playground.vocabulary.Remedies.EARLY_STOPPING_NAME;
    }


    /** A fresh callback for one fit. */
    public EarlyStopping create() {
        return new EarlyStopping(monitor, patience, min_delta, maximise, restore_best_weights, start_from_epoch);
    }
}
