package playground.keras;

import playground.keras.Value.Problem;

/** Signals that a Keras construct is outside the subset; caught where the construct's value is formed. */
final class Refused extends RuntimeException {
    final Problem problem;

    Refused(Problem problem) {
        super(problem.reason(), null, false, false);
        this.problem = problem;
    }
}
