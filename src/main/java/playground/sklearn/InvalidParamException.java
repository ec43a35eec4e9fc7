package playground.sklearn;

/** A parameter breaks scikit-learn's rule for it; the message is Korean and names the field ({@code model.params.C}). */
public final class InvalidParamException extends IllegalArgumentException {
    private final String field;

    public InvalidParamException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
