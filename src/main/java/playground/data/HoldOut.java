package playground.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed 80/20 train/test split of the bundled sets without an official split: seeded, and stratified for
 * classification (each class keeps its share in both parts). Rows keep a shuffled order in each part.
 */
final class HoldOut {
    static final double TEST_FRACTION = 0.2;

    private HoldOut() {}

    /** Splits {@code all}; {@code classes} is 0 for regression. Returns {train, test}. */
    static Samples[] split(Samples all, int classes, long seed) {
        return split(all, classes, seed, TEST_FRACTION);
    }

    /** As {@link #split(Samples, int, long)}, with {@code testFraction} of each class (or of all rows) for testing. */
    static Samples[] split(Samples all, int classes, long seed, double testFraction) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
        if (classes == 0) {
            int[] order = shuffled(indicesWhere(all, -1), random);
            int testRows = (int) Math.round(all.rows() * testFraction);
            for (int i = 0; i < order.length; i++) (i < testRows ? test : train).add(order[i]);
        } else {
            for (int c = 0; c < classes; c++) {
                int[] order = shuffled(indicesWhere(all, c), random);
                int testRows = (int) Math.round(order.length * testFraction);
                for (int i = 0; i < order.length; i++) (i < testRows ? test : train).add(order[i]);
            }
        }
        int[] trainRows = shuffled(train.stream().mapToInt(Integer::intValue).toArray(), random);
        int[] testRows = shuffled(test.stream().mapToInt(Integer::intValue).toArray(), random);
        return new Samples[] {all.select(trainRows), all.select(testRows)};
    }

    /** Row indices whose class is {@code c}, or all rows when c is -1. */
    private static int[] indicesWhere(Samples all, int c) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < all.rows(); r++) if (c < 0 || all.y()[r] == c) rows.add(r);
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] shuffled(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
