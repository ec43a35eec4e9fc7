package playground.sklearn;

/**
 * An ensemble that grows a member at a time (a forest's trees, AdaBoost's rounds) and predicts by summing its
 * members: its predictions can follow the growth, adding only the members grown since the last look, in the same
 * order and with the same sums as {@code predict} (so the score after i members is the score of the first i).
 */
public interface Staged {
    /** What a step of this ensemble is called: {@code tree} or {@code round}. */
    String stage();

    /** Predictions over {@code x} that follow the members grown so far. */
    Running follow(double[][] x);

    /** Running sums over fixed rows; not thread-safe. */
    interface Running {
        /** Adds the members grown since the last call and predicts with all of them. */
        double[] predict();
    }
}
