package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting and its rule: an optimizer's hyper-parameter, an activation's alpha, a layer's units, a control's value.
 * The validator reads a field by it, the Keras writer compares a value with its default, and {@code /api/options}
 * serves it. Immutable; safe to share between threads.
 *
 * @param name         the JSON field (and Keras keyword) it is written under
 * @param kind         what the value is
 * @param defaultValue what an omitted field means (a Double, Long, Boolean or String), or null when none is fixed
 * @param min          the smallest value (numbers and integers), or null
 * @param minOpen      whether {@code min} itself is refused
 * @param max          the largest value, or null
 * @param maxOpen      whether {@code max} itself is refused
 * @param label        what the widget shows (Korean where the widget speaks Korean), or null
 * @param choices      values a number field suggests (the learning rates), or null
 * @param from         for {@link Kind#CHOICE}: the list of {@code /api/options} its values come from
 */
public record Param(String name, Kind kind, Object defaultValue, Double min, boolean minOpen, Double max,
                    boolean maxOpen, String label, List<Double> choices, String from) {

    public enum Kind {
        NUMBER("number"), INTEGER("integer"), BOOLEAN("boolean"), CHOICE("choice");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public Param {
        choices = choices == null ? null : List.copyOf(choices);
    }

    /** A finite number in the range; {@code default} may be null (then the field is required or set elsewhere). */
    public static Param number(String name, Double defaultValue, double min, boolean minOpen, double max,
                               boolean maxOpen) {
        return new Param(name, Kind.NUMBER, defaultValue, min, minOpen, max, maxOpen, null, null, null);
    }

    /** An integer in [min, max]. */
    public static Param integer(String name, Long defaultValue, long min, long max) {
        return new Param(name, Kind.INTEGER, defaultValue, (double) min, false, (double) max, false, null, null, null);
    }

    public static Param flag(String name, boolean defaultValue) {
        return new Param(name, Kind.BOOLEAN, defaultValue, null, false, null, false, null, null, null);
    }

    /** A name from the {@code from} list of {@code /api/options} ("activations", "optimizers", ...). */
    public static Param choice(String name, String from, String defaultValue) {
        return new Param(name, Kind.CHOICE, defaultValue, null, false, null, false, null, null, from);
    }

    public Param labelled(String text) {
        return new Param(name, kind, defaultValue, min, minOpen, max, maxOpen, text, choices, from);
    }

    public Param suggesting(List<Double> values) {
        return new Param(name, kind, defaultValue, min, minOpen, max, maxOpen, label, values, from);
    }

    public Param withDefault(Object value) {
        return new Param(name, kind, value, min, minOpen, max, maxOpen, label, choices, from);
    }

    /**
     * Whether the value must be greater than 0 (learning rates, epsilons): such a value must also be positive in the
     * trainer's float32, where 5e-324 is 0 and would divide by zero.
     */
    public boolean positive() {
        return kind == Kind.NUMBER && min != null && min == 0 && minOpen;
    }

    /** The integer bounds as longs (integers only). */
    public long minLong() {
        return min.longValue();
    }

    public long maxLong() {
        return max.longValue();
    }

    /** As {@code /api/options} serves it: name, kind, then only the fields that say something. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind.json());
        putRange(m);
        return m;
    }

    /** The fields after name and kind (a control shares them). */
    void putRange(Map<String, Object> m) {
        if (from != null) m.put("from", from);
        if (defaultValue != null) m.put("default", defaultValue);
        if (min != null) m.put("min", kind == Kind.INTEGER ? (Object) min.longValue() : min);
        if (minOpen) m.put("min_open", true);
        if (max != null) m.put("max", kind == Kind.INTEGER ? (Object) max.longValue() : max);
        if (maxOpen) m.put("max_open", true);
        if (label != null) m.put("label", label);
        if (choices != null) m.put("choices", choices);
    }
}
