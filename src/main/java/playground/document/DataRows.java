package playground.document;

/** How a run cuts its data set: rows it trains on, validation rows (the last of the training split, as Keras), test rows. */
public record DataRows(int train, int validation, int test) {}
