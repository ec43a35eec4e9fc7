package playground.runs;

import java.util.Map;

/**
 * What a scheduled run tells its owner, in this order: {@code queued}* then {@code started}, {@code epoch}*
 * (with {@code points} and {@code grid} for a plane view),
 * and exactly one of {@code done}, {@code cancelled} or {@code failed}. Called from worker threads, one
 * call at a time per run; implementations must return quickly (sending is asynchronous).
 */
public interface RunListener {
    /** The run waits for a worker; {@code position} is 1 for the next in line. */
    void queued(int position);

    void started(RunStart start);

    void epoch(EpochLogs logs);

    /** The points of a 2-D data set, once after {@code started}, when the owner asked for the plane. */
    default void points(DecisionPlane.Points points) {}

    /** The model's output over the plane, every few epochs and after the last, when the owner asked for it. */
    default void grid(DecisionPlane.Grid grid) {}

    /** The run trained every epoch (or EarlyStopping stopped it): its test scores, weights and stopping epoch. */
    void done(KerasOutcome outcome, long elapsedMs);

    /** A scikit-learn run started (instead of {@code started}). */
    default void fitStarted(FitStart start) {}

    /** A scikit-learn run grew by a step: a tree, a boosting round, an iteration (instead of {@code epoch}). */
    default void step(FitStep step) {}

    /** A scikit-learn run ended (instead of {@code done}): seed, scores, metrics and what it learned. */
    default void fitted(Map<String, Object> result) {}

    /** The owner asked to stop (or went away) after {@code epoch} complete epochs. */
    void cancelled(int epoch);

    /** The run could not go on: {@code code} is a wire error code, {@code message} Korean for the student. */
    void failed(String code, String message, String field);

    /** A loss became NaN or infinite (instead of {@code done}): a {@code failed} with code diverged, and its curve. */
    default void diverged(Divergence divergence) {
        failed("diverged", divergence.message(), divergence.field());
    }
}
