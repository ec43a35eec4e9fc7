package playground.runs;

import java.util.Arrays;

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

    static Divergence of(int epoch, double[] batchLosses, String message, String field) {
        int finite = 0;
        while (finite < batchLosses.length && Double.isFinite(batchLosses[finite])) finite++;
        return new Divergence(epoch, thinned(Arrays.copyOf(batchLosses, finite)), message, field);
    }

    /** At most {@link #MAX_POINTS} of {@code values}, evenly spaced, ending with the last. */
    private static double[] thinned(double[] values) {
        if (values.length <= MAX_POINTS) return values;
        double[] out = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) out[i] = values[(int) ((long) (i + 1) * values.length / MAX_POINTS) - 1];
        return out;
    }
}
