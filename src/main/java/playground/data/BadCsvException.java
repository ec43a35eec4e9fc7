package playground.data;

/** A CSV that cannot be trained on; {@link #getMessage()} is Korean and names the row and column at fault. */
public final class BadCsvException extends Exception {
    public BadCsvException(String message) {
        super(message);
    }
}
