package playground.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import playground.vocabulary.Param;

/**
 * Reads the fields of one JSON object of a run document, each checked against its rule; every failure is an
 * {@link InvalidConfigException} naming the field's JSON path, the rule and the value received.
 */
final class FieldReader {
    private final JsonNode node;
    private final String path;

    /** @param path JSON path of {@code node} ("" for the document itself) */
    FieldReader(JsonNode node, String path) throws InvalidConfigException {
        if (node == null || !node.isObject()) {
            throw new InvalidConfigException(path, "JSON 객체({ ... })여야 합니다", show(node));
        }
        this.node = node;
        this.path = path;
    }

    /** Rejects any field not in {@code allowed}. */
    void allowOnly(Set<String> allowed) throws InvalidConfigException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidConfigException(path(name), "알 수 없는 항목입니다. 쓸 수 있는 항목: "
                        + String.join(", ", allowed.stream().sorted().toList()), show(node.get(name)));
            }
        }
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * Whether the field is present. An explicit {@code null} is refused, not read as absent: Keras has no null
     * epochs or learning rate, and a document that sends one most likely meant something else.
     */
    boolean has(String name) throws InvalidConfigException {
        JsonNode v = node.get(name);
        if (v != null && v.isNull()) {
            throw new InvalidConfigException(path(name), "null은 쓸 수 없습니다. 기본값을 쓰려면 이 항목을 빼세요", "null");
        }
        return v != null;
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    /** A required field of any type. */
    JsonNode required(String name) throws InvalidConfigException {
        if (!has(name)) throw new InvalidConfigException(path(name), "꼭 있어야 하는 항목입니다", InvalidConfigException.MISSING);
        return node.get(name);
    }

    /** A string, or {@code fallback} when absent. */
    String string(String name, String fallback) throws InvalidConfigException {
        if (!has(name)) return fallback;
        JsonNode v = node.get(name);
        if (!v.isTextual()) throw new InvalidConfigException(path(name), "문자열이어야 합니다", show(v));
        return v.asText();
    }

    /** A string from {@code choices}; {@code fallback} (null = required) when absent. */
    String choice(String name, Set<String> choices, String fallback) throws InvalidConfigException {
        if (fallback == null) required(name);
        String s = string(name, fallback);
        if (!choices.contains(s)) {
            throw new InvalidConfigException(path(name), "다음 가운데 하나여야 합니다: "
                    + String.join(", ", choices), show(node.get(name)));
        }
        return s;
    }

    boolean bool(String name, boolean fallback) throws InvalidConfigException {
        if (!has(name)) return fallback;
        JsonNode v = node.get(name);
        if (!v.isBoolean()) throw new InvalidConfigException(path(name), "true 또는 false여야 합니다", show(v));
        return v.booleanValue();
    }

    /** An integer in [min, max] (64.0 counts as 64), or {@code fallback} when absent. */
    long integer(String name, long min, long max, Long fallback) throws InvalidConfigException {
        if (!has(name)) {
            if (fallback == null) required(name);
            return fallback;
        }
        JsonNode v = node.get(name);
        String rule = String.format(Locale.ROOT, "%d 이상 %d 이하의 정수여야 합니다", min, max);
        if (!v.isNumber()) throw new InvalidConfigException(path(name), rule, show(v));
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
                throw new InvalidConfigException(path(name), rule, show(v));
            }
            return v.longValue();
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d != Math.rint(d) || d < min || d > max) {
            throw new InvalidConfigException(path(name), rule, show(v));
        }
        return (long) d;
    }

    /**
     * A finite number in the range: {@code min} included unless {@code minOpen}, {@code max} included unless
     * {@code maxOpen}; {@code fallback} when absent (null = required).
     */
    double number(String name, double min, boolean minOpen, double max, boolean maxOpen, Double fallback)
            throws InvalidConfigException {
        if (!has(name)) {
            if (fallback == null) required(name);
            return fallback;
        }
        JsonNode v = node.get(name);
        String rule = range(min, minOpen, max, maxOpen);
        if (!v.isNumber()) throw new InvalidConfigException(path(name), rule, show(v));
        double d = v.doubleValue();
        if (!Double.isFinite(d)) throw new InvalidConfigException(path(name), "유한한 수여야 합니다. " + rule, show(v));
        if (minOpen ? d <= min : d < min) throw new InvalidConfigException(path(name), rule, show(v));
        if (maxOpen ? d >= max : d > max) throw new InvalidConfigException(path(name), rule, show(v));
        return d;
    }

    /**
     * A positive number the trainer's float32 can hold (at least {@link Float#MIN_NORMAL}), at most {@code max}:
     * {@code 5e-324} is a valid double but 0 in float32, which would divide by zero inside the optimizer.
     */
    double positiveFloat(String name, double max, Double fallback) throws InvalidConfigException {
        double d = number(name, 0, true, max, false, fallback);
        if (d < Float.MIN_NORMAL) {
            throw new InvalidConfigException(path(name), String.format(Locale.ROOT,
                    "float32로 나타낼 수 있는 양수(%s 이상)여야 합니다", Float.MIN_NORMAL), show(node.get(name)));
        }
        return d;
    }

    /** The field {@code p} describes, read by its kind and range; its default when absent. */
    Object value(Param p) throws InvalidConfigException {
        return switch (p.kind()) {
            case NUMBER -> number(p);
            case INTEGER -> integer(p);
            case BOOLEAN -> bool(p.name(), (Boolean) p.defaultValue());
            case CHOICE -> string(p.name(), (String) p.defaultValue());
        };
    }

    /** A number in {@code p}'s range (positive ones also positive in float32); its default when absent. */
    double number(Param p) throws InvalidConfigException {
        Double fallback = (Double) p.defaultValue();
        if (p.positive()) return positiveFloat(p.name(), p.max(), fallback);
        return number(p.name(), p.min(), p.minOpen(), p.max(), p.maxOpen(), fallback);
    }

    long integer(Param p) throws InvalidConfigException {
        return integer(p.name(), p.minLong(), p.maxLong(), (Long) p.defaultValue());
    }

    static String range(double min, boolean minOpen, double max, boolean maxOpen) {
        return plain(min) + (minOpen ? "보다 크고 " : " 이상 ") + plain(max) + (maxOpen ? " 미만" : " 이하")
                + "인 수여야 합니다";
    }

    static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** How a received value is shown in a message: its JSON text, or 없음. */
    static Object show(JsonNode v) {
        return v == null || v.isMissingNode() ? InvalidConfigException.MISSING : v.toString();
    }
}
