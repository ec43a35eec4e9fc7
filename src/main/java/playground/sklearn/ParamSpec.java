package playground.sklearn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scikit-learn parameter, declared once: the estimator reads it through {@link Params} by this declaration and
 * {@code GET /api/options} serves the same declaration, so its name, default and range are written in one place.
 * Immutable; safe to share between threads.
 *
 * @param kind      {@code int}, {@code number}, {@code choice}, {@code bool} or {@code seed} (a {@code random_state}:
 *                  an int in 0…2³²−1 or null for the run's seed), {@code range} ({@code [low, high]})
 * @param nullable  whether null (Python's None) is also accepted
 * @param also      other shapes scikit-learn also takes: {@code fraction} (a float in (0, 1]), {@code int} (any
 *                  int ≥ 1), {@code centres} (a list of explicit centres)
 */
public record ParamSpec(String name, String kind, Object defaultValue, Double min, boolean minOpen, Double max,
                        List<Object> choices, boolean nullable, List<String> also, String label) {

    public ParamSpec {
        choices = choices == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(choices));
        also = List.copyOf(also);
    }

    /** An int in [min, max]. */
    public static ParamSpec integer(String name, Integer fallback, int min, int max, String label) {
        return new ParamSpec(name, "int", fallback, (double) min, false, (double) max, null, false, List.of(), label);
    }

    /** A number above {@code min} (or at it, unless {@code minOpen}) and at most {@code max} (infinity: unbounded). */
    public static ParamSpec number(String name, double fallback, double min, boolean minOpen, double max, String label) {
        return new ParamSpec(name, "number", fallback, min, minOpen, max, null, false, List.of(), label);
    }

    /** One of {@code choices}, the first being scikit-learn's default. */
    public static ParamSpec choice(String name, String label, Object... choices) {
        return new ParamSpec(name, "choice", choices[0], null, false, null, Arrays.asList(choices), false, List.of(), label);
    }

    public static ParamSpec bool(String name, boolean fallback, String label) {
        return new ParamSpec(name, "bool", fallback, null, false, null, null, false, List.of(), label);
    }

    public static ParamSpec seed(String label) {
        return new ParamSpec("random_state", "seed", null, 0.0, false, 4294967295.0, null, true, List.of(), label);
    }

    public static ParamSpec range(String name, List<Integer> fallback, String label) {
        return new ParamSpec(name, "range", fallback, null, false, null, null, false, List.of(), label);
    }

    public ParamSpec withDefault(Object value) {
        return new ParamSpec(name, kind, value, min, minOpen, max, choices, nullable, also, label);
    }

    /** Also accepts null (None), as {@code max_depth=None}. */
    public ParamSpec orNone() {
        return new ParamSpec(name, kind, defaultValue, min, minOpen, max, choices, true, also, label);
    }

    public ParamSpec alsoTaking(String... shapes) {
        return new ParamSpec(name, kind, defaultValue, min, minOpen, max, choices, nullable, List.of(shapes), label);
    }

    /** The names of {@code specs}, for {@link Params#rejectUnknown}. */
    public static java.util.Set<String> names(List<ParamSpec> specs) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (ParamSpec s : specs) names.add(s.name);
        return names;
    }

    /** As {@code /api/options} serves it: {@code name, kind, default, min, max, choices, …}, only what says something. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("default", defaultValue);
        boolean whole = kind.equals("int") || kind.equals("seed");
        if (min != null) m.put("min", whole ? (Object) min.longValue() : min);
        if (minOpen) m.put("min_open", true);
        if (max != null && max != Double.POSITIVE_INFINITY) m.put("max", whole ? (Object) max.longValue() : max);
        if (choices != null) m.put("choices", choices);
        if (nullable) m.put("nullable", true);
        if (!also.isEmpty()) m.put("also", also);
        m.put("label", label);
        return m;
    }
}
