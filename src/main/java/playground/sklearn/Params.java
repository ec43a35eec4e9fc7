package playground.sklearn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code params} of one estimator or transformer, read with scikit-learn 1.2's names, defaults and ranges.
 * Each read removes the name; {@link #rejectUnknown()} then refuses whatever is left, as scikit-learn refuses an
 * unknown keyword. Values are JSON-shaped: numbers, strings, booleans, null, lists. Not thread-safe.
 */
public final class Params {
    private final String prefix;
    private final Map<String, Object> left;

    /** @param prefix the document path of these params, e.g. {@code model.params} */
    public Params(String prefix, Map<String, ?> values) {
        this.prefix = prefix;
        this.left = new LinkedHashMap<>(values == null ? Map.of() : values);
    }

    public static Params none(String prefix) {
        return new Params(prefix, Map.of());
    }

    /** Where these params sit in the document, e.g. {@code model.params}. */
    public String prefix() {
        return prefix;
    }

    public String field(String name) {
        return prefix + "." + name;
    }

    private InvalidParamException invalid(String name, String rule, Object value) {
        return new InvalidParamException(field(name), field(name) + "은(는) " + rule + "이어야 합니다 (받은 값: " + value + ")");
    }

    /** An integer in [min, max]. */
    public int integer(String name, int fallback, int min, int max) {
        if (!left.containsKey(name)) return fallback;
        Object v = left.remove(name);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw invalid(name, min + " 이상 " + max + " 이하의 정수", v);
        }
        return n.intValue();
    }

    /** An integer in [min, max], or null (scikit-learn's None), which gives null. */
    public Integer integerOrNone(String name, Integer fallback, int min, int max) {
        if (left.containsKey(name) && left.get(name) == null) {
            left.remove(name);
            return null;
        }
        return left.containsKey(name) ? Integer.valueOf(integer(name, 0, min, max)) : fallback;
    }

    /** A number above {@code lower} (or at it, when {@code closed}) and at most {@code upper}. */
    public double number(String name, double fallback, double lower, boolean closed, double upper) {
        if (!left.containsKey(name)) return fallback;
        Object v = left.remove(name);
        if (!(v instanceof Number n) || !(closed ? n.doubleValue() >= lower : n.doubleValue() > lower)
                || !(n.doubleValue() <= upper)) {
            String range = (closed ? lower + " 이상" : lower + "보다 큰") + (upper == Double.POSITIVE_INFINITY ? "" : " " + upper + " 이하의");
            throw invalid(name, range + " 수", v);
        }
        return n.doubleValue();
    }

    /** One of {@code choices}. */
    public String choice(String name, String fallback, String... choices) {
        if (!left.containsKey(name)) return fallback;
        Object v = left.remove(name);
        if (!(v instanceof String s) || !List.of(choices).contains(s)) {
            throw invalid(name, String.join(", ", choices) + " 가운데 하나", v);
        }
        return s;
    }

    public boolean bool(String name, boolean fallback) {
        if (!left.containsKey(name)) return fallback;
        Object v = left.remove(name);
        if (!(v instanceof Boolean b)) throw invalid(name, "true 또는 false", v);
        return b;
    }

    /** The raw value (for params of several shapes, like {@code max_features} or KMeans's {@code init}). */
    public Object raw(String name, Object fallback) {
        return left.containsKey(name) ? left.remove(name) : fallback;
    }

    /** Whether {@code name} was given (and not yet read). */
    public boolean has(String name) {
        return left.containsKey(name);
    }

    /** An error for {@code name} whose rule the caller checks itself. */
    public InvalidParamException error(String name, String rule, Object value) {
        return invalid(name, rule, value);
    }

    /* Reading by a declaration: the same {@link ParamSpec} that {@code /api/options} serves. */

    public int integer(ParamSpec s) {
        return integer(s.name(), (Integer) s.defaultValue(), s.min().intValue(), s.max().intValue());
    }

    public Integer integerOrNone(ParamSpec s) {
        return integerOrNone(s.name(), (Integer) s.defaultValue(), s.min().intValue(), s.max().intValue());
    }

    public double number(ParamSpec s) {
        return number(s.name(), ((Number) s.defaultValue()).doubleValue(), s.min(), !s.minOpen(), s.max());
    }

    public String choice(ParamSpec s) {
        return choice(s.name(), (String) s.defaultValue(), s.choices().toArray(String[]::new));
    }

    public boolean bool(ParamSpec s) {
        return bool(s.name(), (Boolean) s.defaultValue());
    }

    /** A {@code random_state}: an int in 0…2³²−1, or null (or left out) for the run's {@code seed}. */
    public long seed(ParamSpec s, long seed) {
        Object v = raw(s.name(), null);
        if (v == null) return seed & 0xFFFFFFFFL;
        if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() >= 0 && ((Number) v).longValue() <= 0xFFFFFFFFL) {
            return ((Number) v).longValue();
        }
        throw error(s.name(), "0 이상 4294967295 이하의 정수 또는 null", v);
    }

    /** Refuses the params nobody read, naming the first. */
    public void rejectUnknown(List<ParamSpec> known) {
        rejectUnknown(ParamSpec.names(known));
    }

    /** Refuses the params nobody read, naming the first. */
    public void rejectUnknown(Set<String> known) {
        if (left.isEmpty()) return;
        String name = left.keySet().iterator().next();
        throw new InvalidParamException(field(name), field(name) + ": 이 추정기에는 없는 매개변수입니다 (쓸 수 있는 것: "
                + String.join(", ", new TreeSet<>(known)) + ")");
    }
}
