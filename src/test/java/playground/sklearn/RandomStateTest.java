package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values printed by NumPy 1.24 ({@code np.random.RandomState}) and scikit-learn 1.2.1 on this machine. */
class RandomStateTest {
    @Test
    void permutationMatchesNumpy() {
        assertArrayEquals(new int[] {9, 5, 2, 4, 7, 1, 0, 8, 6, 3}, new RandomState(5).permutation(10));
        assertArrayEquals(new int[] {6, 9, 5, 1, 8, 0, 7, 4, 2, 3}, new RandomState(4294967295L).permutation(10));
    }

    @Test
    void drawsAfterAPermutationContinueTheSameStream() {
        RandomState random = new RandomState(5);
        random.permutation(10);
        assertEquals(0.3541380429150014, random.randomSample());
        assertEquals(2090094288L, random.randint(0, 2147483647));
        assertArrayEquals(new int[] {4, 1, 5, 0, 3}, random.randints(7, 5));
    }

    @Test
    void irisSplitHasScikitLearnsTestRowsFirst() {
        TrainTestSplit split = TrainTestSplit.of(150, 0.2, 5);
        assertArrayEquals(new int[] {82, 134, 114, 42, 109, 57, 1, 70, 25, 84, 66, 133, 102, 107, 26, 23, 123, 130, 21,
            12, 71, 128, 48, 72, 88, 148, 74, 96, 63, 132}, split.test());
        assertArrayEquals(new int[] {39, 53, 79, 10, 50, 49, 43, 135, 40, 115}, Arrays.copyOf(split.train(), 10));
        assertEquals(120, split.train().length);
    }

    @Test
    void bostonAndDigitsSplitsMatchScikitLearn() {
        TrainTestSplit boston = TrainTestSplit.of(506, 0.2, 5);
        assertEquals(102, boston.test().length);
        assertArrayEquals(new int[] {226, 292, 90, 373, 273, 417, 503, 234, 111, 472}, Arrays.copyOf(boston.test(), 10));
        assertArrayEquals(new int[] {486, 189, 495, 206, 355}, Arrays.copyOfRange(boston.train(), 399, 404));
        TrainTestSplit digits = TrainTestSplit.of(1797, 0.25, 42);
        assertEquals(450, digits.test().length);
        assertArrayEquals(new int[] {1245, 220, 1518, 438, 1270, 832, 692, 1309}, Arrays.copyOf(digits.test(), 8));
    }
}
