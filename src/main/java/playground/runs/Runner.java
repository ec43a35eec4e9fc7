package playground.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a whole document on the calling thread (the command line, {@code POST /api/train}). */
public final class Runner {
    private Runner() {}

    /**
     * Trains every epoch and evaluates the test split.
     *
     * @throws DivergedException when a loss becomes NaN or infinite
     */
    public static RunResult run(RunSpec spec, long seed) {
        long start = System.nanoTime();
        Training training = spec.start(seed);
        Map<String, List<Double>> history = new LinkedHashMap<>();
        while (!training.finished()) {
            EpochLogs epoch = training.nextEpoch(() -> false);
            for (Map.Entry<String, Double> e : epoch.logs().entrySet()) {
                history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
            }
        }
        Map<String, Double> test = training.test();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new RunResult(seed, training.summary(), history, test, elapsed);
    }
}
