package playground.runs;

import java.util.Map;

/**
 * One step of a scikit-learn fit's growth: {@code kind} tree, round, depth, iteration, node or sweep, {@code index} of
 * {@code total}, and what the step shows ({@code detail}: {@code points}, {@code centers}, {@code inertia},
 * {@code labels}, {@code plane}, a sweep's {@code value} and scores), sent as fields of the {@code step} event.
 */
public record FitStep(String kind, int index, int total, long elapsed_ms, Map<String, Object> detail) {
    public FitStep {
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    }
}
