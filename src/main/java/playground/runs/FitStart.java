package playground.runs;

/** What a scikit-learn run tells when it starts: its seed, the estimator, and the rows it fits and tests on. */
public record FitStart(long seed, String estimator, int train_rows, int test_rows) {}
