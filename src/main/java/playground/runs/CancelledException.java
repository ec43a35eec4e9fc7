package playground.runs;

/**
 * The run was stopped through its cancellation signal. Unchecked, so that callers may catch it where they like.
 */
public class CancelledException extends RuntimeException {
    private final int epoch;

    public CancelledException(int epoch) {
        super("학습을 멈췄습니다 (" + epoch + "번째 epoch까지 마침)");
        this.epoch = epoch;
    }

    /** The number of epochs completed before the stop. */
    public int epoch() {
        return epoch;
    }
}
