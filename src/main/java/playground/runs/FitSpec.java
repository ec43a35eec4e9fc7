package playground.runs;

/** Keras's {@code fit} arguments (defaults: epochs 1, batch_size 32, validation_split 0, shuffle true). */
public record FitSpec(int epochs, int batch_size, double validation_split, boolean shuffle) {}
