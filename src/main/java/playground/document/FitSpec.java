package playground.document;

/**
 * Keras's {@code fit} arguments (defaults: epochs 1, batch_size 32, validation_split 0, shuffle true), with the
 * EarlyStopping of {@code callbacks}, or null.
 */
public record FitSpec(int epochs, int batch_size, double validation_split, boolean shuffle,
                      EarlyStoppingSpec early_stopping) {
    public FitSpec(int epochs, int batch_size, double validation_split, boolean shuffle) {
        this(epochs, batch_size, validation_split, shuffle, null);
    }
}
