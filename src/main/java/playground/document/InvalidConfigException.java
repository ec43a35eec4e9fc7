package playground.document;

/**
 * A run document broke a rule. {@link #getMessage()} is Korean, for the student, and names the JSON path, the rule
 * and the value received, e.g. {@code model.layers[1].units: 1 이상 512 이하의 정수여야 합니다 (받은 값: 100000)}.
 */
public class InvalidConfigException extends Exception {
    /** Marks a field that was missing, so the message shows no received value. */
    static final Object MISSING = new Object() {
        @Override public String toString() {
            return "없음";
        }
    };

    private final String field;
    private final String rule;
    private final transient Object value;

    /**
     * @param field JSON path of the fault ("" for the whole document)
     * @param rule  the broken rule, in Korean
     * @param value the value received (a JSON node, number, string), or {@link #MISSING}
     */
    public InvalidConfigException(String field, String rule, Object value) {
        super(format(field, rule, value));
        this.field = field;
        this.rule = rule;
        this.value = value == MISSING ? null : value;
    }

    private static String format(String field, String rule, Object value) {
        String shown = value == MISSING ? "" : " (받은 값: " + shorten(String.valueOf(value)) + ")";
        return (field.isEmpty() ? "" : field + ": ") + rule + shown;
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** JSON path of the fault, e.g. {@code model.layers[0].units}; "" for the whole document. */
    public String field() {
        return field;
    }

    /** The broken rule, in Korean, without the path and value. */
    public String rule() {
        return rule;
    }

    /** The value received, or null when the field was missing or the document as a whole is at fault. */
    public Object value() {
        return value;
    }

    /** The error code of the wire contract. */
    public String code() {
        return "invalid_config";
    }
}
