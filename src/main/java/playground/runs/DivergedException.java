package playground.runs;

/**
 * A loss became NaN or infinite: training cannot go on. The message is Korean and suggests the usual cure. Unchecked,
 * so that callers may catch it where they like ({@link Runner#run} lets it through).
 */
public class DivergedException extends RuntimeException {
    private final int epoch;

    public DivergedException(int epoch, String key, double value) {
        super(epoch + "번째 epoch에서 " + key + " 값이 " + (Double.isNaN(value) ? "NaN(숫자가 아님)" : "무한대")
                + "가 되어 학습이 발산했습니다. 학습률(learning_rate)이 너무 크면 흔히 일어납니다. 학습률을 10분의 1로"
                + " 줄이거나 입력을 정규화(normalize)해 보세요.");
        this.epoch = epoch;
    }

    /** The epoch (1-based) whose loss diverged. */
    public int epoch() {
        return epoch;
    }

    /** The error code of the wire contract. */
    public String code() {
        return "diverged";
    }
}
