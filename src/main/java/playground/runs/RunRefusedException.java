package playground.runs;

/** A run that will not start: invalid, too expensive or no room. Carries the wire error of RUN-CONFIG.md. */
public final class RunRefusedException extends Exception {
    private final String code;
    private final String field;

    public RunRefusedException(String code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** {@code invalid_config}, {@code too_expensive}, {@code busy}, {@code shutting_down}, … */
    public String code() {
        return code;
    }

    /** The JSON path at fault, or null when the document as a whole is. */
    public String field() {
        return field;
    }
}
