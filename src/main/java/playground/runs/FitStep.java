package playground.runs;

/** One step of a scikit-learn fit's growth: {@code kind} tree, round, iteration or node, {@code index} of {@code total}. */
public record FitStep(String kind, int index, int total, long elapsed_ms) {}
