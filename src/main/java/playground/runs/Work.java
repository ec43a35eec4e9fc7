package playground.runs;

import java.util.function.BooleanSupplier;

/**
 * What a scheduled run trains, a turn at a time: a Keras network ({@link KerasWork}) or a scikit-learn estimator
 * ({@link EstimatorWork}). The scheduler owns the turns, the deadline and the stop; a work owns its model and what
 * it tells the listener while it grows. Not thread-safe; one worker at a time.
 */
interface Work {
    /** Builds what the run needs and tells the listener it started. */
    void begin(RunListener listener);

    /**
     * About {@code maxOps} of work, returning early once {@code stop} answers true.
     *
     * @return true when the run ended and the listener heard its last event ({@code done} or a failure)
     */
    boolean advance(long maxOps, BooleanSupplier stop, RunListener listener);

    /** Work done so far, in {@link playground.engine.Footprint}'s operations. */
    long opsDone();

    /** How far it got, for the cancelled and timeout messages: epochs of a network, steps of an estimator. */
    int progress();
}
