package playground.runs;

import java.util.List;
import java.util.Map;

/** A whole run: its seed, summary, History, test-split scores and wall time. Serialised as RUN-CONFIG.md shows. */
public record RunResult(long seed, Summary summary, Map<String, List<Double>> history, Map<String, Double> test,
                        long elapsed_ms) {}
