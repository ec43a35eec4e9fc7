package playground.sklearn;

/**
 * {@code train_test_split(X, y, test_size, random_state)} as scikit-learn 1.2's {@code ShuffleSplit} does it: a float
 * {@code test_size} gives {@code ceil(test_size * n)} test rows, the rest train; the test rows are the first of
 * {@code RandomState(random_state).permutation(n)}, the training rows the next ones.
 */
public record TrainTestSplit(int[] train, int[] test) {
    /** @throws IllegalArgumentException when either part would be empty */
    public static TrainTestSplit of(int n, double testSize, long randomState) {
        int nTest = (int) Math.ceil(testSize * n);
        int nTrain = n - nTest;
        if (nTest < 1 || nTrain < 1) {
            throw new IllegalArgumentException("test_size " + testSize + " leaves an empty part of " + n + " rows");
        }
        int[] permutation = new RandomState(randomState).permutation(n);
        int[] test = java.util.Arrays.copyOfRange(permutation, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(permutation, nTest, n);
        return new TrainTestSplit(train, test);
    }
}
