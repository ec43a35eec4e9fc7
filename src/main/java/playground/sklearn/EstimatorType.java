package playground.sklearn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One estimator of the registry as {@code GET /api/options} serves it: scikit-learn's class name, the family the
 * widget groups it under, its task, its Korean label, its declared params (the very ones it reads), what grows while
 * it fits ({@code staged}: tree, round, depth, iteration, or null) and the param a sweep may vary (or null).
 * Immutable; safe to share between threads.
 */
public record EstimatorType(String name, String family, String task, String label, List<ParamSpec> params,
                            String staged, String sweep) {
    public static final String CLASSIFICATION = "classification", REGRESSION = "regression", CLUSTERING = "clustering";

    public EstimatorType {
        params = List.copyOf(params);
    }

    /** The declared param called {@code name}, if any. */
    public java.util.Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("family", family);
        m.put("task", task);
        m.put("label", label);
        m.put("params", params.stream().map(ParamSpec::json).toList());
        m.put("staged", staged);
        m.put("sweep", sweep);
        return m;
    }
}
