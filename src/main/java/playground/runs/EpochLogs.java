package playground.runs;

import java.util.Map;

/** One finished epoch (1-based) and its logs in Keras's order: loss, metrics, val_loss, val_&lt;metric&gt;. */
public record EpochLogs(int epoch, Map<String, Double> logs) {}
