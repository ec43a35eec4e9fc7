package playground.runs;

import java.util.Arrays;
import java.util.Locale;
import playground.document.RunSpec;

/**
 * How a run diverged: the epoch (1-based) whose loss became NaN or infinite, and that epoch's batch losses up to the
 * explosion, so the browser can draw the curve that the epoch's missing log would have ended. Immutable.
 *
 * @param epoch        the epoch that diverged
 * @param batch_losses the finite batch losses of that epoch, in order, up to the first that was not (at most
 *                     {@link #MAX_POINTS}: a longer epoch is thinned evenly, its last finite loss kept)
 * @param message      Korean, naming the likelier cure
 * @param field        the document's field to change
 */
public record Divergence(int epoch, double[] batch_losses, String message, String field) {
    /** Enough points for a curve across a chart; bounds the event whatever the steps per epoch. */
    static final int MAX_POINTS = 200;

    static Divergence of(RunSpec spec, int epoch, double[] batchLosses) {
        int finite = 0;
        while (finite < batchLosses.length && Double.isFinite(batchLosses[finite])) finite++;
        return new Divergence(epoch, thinned(Arrays.copyOf(batchLosses, finite)), message(spec, epoch), field(spec));
    }

    /**
     * Without Normalization, inputs of very different scales (Boston's tax against its NOX) diverge at rates that
     * are fine once normalised, so the message names both cures, the likelier first.
     */
    public static String message(RunSpec spec, int epoch) {
        double rate = spec.compile().optimizer().learning_rate();
        String cure = spec.model().normalize()
                ? String.format(Locale.ROOT, "학습률(%s)이 너무 큰 것 같습니다. 10배 작은 값으로 다시 해 보세요.", rate)
                : String.format(Locale.ROOT, "입력이 정규화되지 않아 특성마다 크기가 크게 다르면 흔히 일어납니다. "
                        + "Normalization을 켜거나 학습률(%s)을 10배 작게 해 보세요.", rate);
        return String.format(Locale.ROOT, "%d번째 에포크에서 손실이 NaN 또는 무한대가 되어 학습을 멈췄습니다. %s", epoch, cure);
    }

    /** The field of the likelier cure: the normalization when it is off, else the learning rate. */
    public static String field(RunSpec spec) {
        return spec.model().normalize() ? "compile.optimizer.learning_rate" : "model.normalize";
    }

    /** At most {@link #MAX_POINTS} of {@code values}, evenly spaced, ending with the last. */
    private static double[] thinned(double[] values) {
        if (values.length <= MAX_POINTS) return values;
        double[] out = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) out[i] = values[(int) ((long) (i + 1) * values.length / MAX_POINTS) - 1];
        return out;
    }
}
