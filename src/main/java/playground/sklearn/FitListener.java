package playground.sklearn;

import java.util.concurrent.CancellationException;

/**
 * What a fit tells as it grows: one call per step (a tree of a forest, a boosting round, a k-means iteration, a node
 * of a tree, an L-BFGS iteration). During the call the estimator already predicts with what it has so far, so a
 * listener may score it on held-out rows. {@link #cancelled()} is asked between steps.
 */
public interface FitListener {
    FitListener NONE = new FitListener() {};

    /** @param kind {@code tree}, {@code round}, {@code iteration}, {@code node}; {@code index} counts from 1 */
    default void step(String kind, int index, int total) {}

    /** Before the fit starts: the fit being watched, which the listener may read while it hears a step. */
    default void watching(Fitting fitting) {}

    default boolean cancelled() {
        return false;
    }

    /** Throws when the run was cancelled; estimators call it between steps. */
    static void check(FitListener listener) {
        if (listener.cancelled()) throw new CancellationException("fit cancelled");
    }
}
