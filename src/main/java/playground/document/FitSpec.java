package playground.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Keras's {@code fit} arguments (defaults: epochs 1, batch_size 32, validation_split 0, shuffle true), with the
 * EarlyStopping of {@code callbacks}, or null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FitSpec(int epochs, int batch_size, double validation_split, boolean shuffle,
                      @JsonIgnore EarlyStoppingSpec early_stopping) {
    public FitSpec(int epochs, int batch_size, double validation_split, boolean shuffle) {
        this(epochs, batch_size, validation_split, shuffle, null);
    }

    /** {@code callbacks} as the document lists them: the EarlyStopping, or none (left out). */
    @JsonProperty("callbacks")
    List<EarlyStoppingSpec> callbacks() {
        return early_stopping == null ? null : List.of(early_stopping);
    }
}
