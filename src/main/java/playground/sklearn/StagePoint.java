package playground.sklearn;

/** The score after stage {@code index} (a tree, a round, a depth), on the training and the test rows (null: none). */
public record StagePoint(int index, double train, Double test) {}
