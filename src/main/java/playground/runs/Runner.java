package playground.runs;

import playground.document.RunSpec;
/** Runs a whole document on the calling thread (the command line, the benchmark, the warm-up). */
public final class Runner {
    private Runner() {}

    /**
     * Trains every epoch and evaluates the test split.
     *
     * @throws DivergedException when a loss becomes NaN or infinite
     */
    public static RunResult run(RunSpec spec, long seed) {
        long start = System.nanoTime();
        Training training = Training.start(spec, seed);
        HistoryLog history = new HistoryLog();
        while (!training.finished()) history.add(training.nextEpoch(() -> false));
        KerasOutcome outcome = KerasOutcome.of(spec, training);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return RunResult.of(seed, training.summary(), history.history(), outcome, elapsed);
    }
}
