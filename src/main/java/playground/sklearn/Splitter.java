package playground.sklearn;

/**
 * scikit-learn 1.2's {@code BestSplitter.node_split}: features drawn without replacement by a Fisher–Yates walk over
 * one shared {@code features} array (features found constant are remembered for the node's descendants), each
 * drawn feature's values sorted, every position between distinct values tried, the first best kept.
 */
final class Splitter {
    record Split(int feature, double threshold, int pos, double improvement, double impurityLeft, double impurityRight) {}

    /** The rows as float32, by feature ({@code columns[feature][row]}), as each feature's values are gathered. */
    private final float[][] columns;
    private final Criterion criterion;
    private final int maxFeatures, minSamplesLeaf;
    private final TreeRandom random;
    final int[] samples;
    final int n;
    private final double weightedNSamples;
    private final int[] features, constantFeatures;
    private final float[] values;
    /** {@code n_constant_features} after the last {@link #split}. */
    int constantsAfter;

    Splitter(float[][] columns, Criterion criterion, double[] weights, int maxFeatures, int minSamplesLeaf, long seed) {
        this.columns = columns;
        this.criterion = criterion;
        this.maxFeatures = maxFeatures;
        this.minSamplesLeaf = minSamplesLeaf;
        this.random = new TreeRandom(seed);
        int rows = columns[0].length;
        int[] kept = new int[rows];
        int j = 0;
        double total = 0;
        for (int i = 0; i < rows; i++) {
            if (weights == null || weights[i] != 0.0) kept[j++] = i;
            total += weights == null ? 1.0 : weights[i];
        }
        samples = java.util.Arrays.copyOf(kept, j);
        n = j;
        weightedNSamples = total;
        int d = columns.length;
        features = new int[d];
        for (int f = 0; f < d; f++) features[f] = f;
        constantFeatures = new int[d];
        values = new float[rows];
    }

    Split split(int start, int end, double impurity, int knownConstants) {
        int fi = features.length, visited = 0, foundConstants = 0, drawnConstants = 0, totalConstants = knownConstants;
        int bestFeature = 0, bestPos = end;
        double bestThreshold = 0, bestProxy = Double.NEGATIVE_INFINITY;
        while (fi > totalConstants && (visited < maxFeatures || visited <= foundConstants + drawnConstants)) {
            visited++;
            int fj = random.nextInt(drawnConstants, fi - foundConstants);
            if (fj < knownConstants) {
                swap(features, drawnConstants, fj);
                drawnConstants++;
                continue;
            }
            fj += foundConstants;
            int feature = features[fj];
            float[] column = columns[feature];
            for (int i = start; i < end; i++) values[i] = column[samples[i]];
            TreeSort.sort(values, samples, start, end - start);
            if (values[end - 1] <= values[start] + 1e-7f) {
                swap(features, fj, totalConstants);
                foundConstants++;
                totalConstants++;
                continue;
            }
            fi--;
            swap(features, fi, fj);
            criterion.reset();
            int p = start;
            while (p < end) {
                while (p + 1 < end && values[p + 1] <= values[p] + 1e-7f) p++;
                p++;
                if (p >= end) continue;
                if (p - start < minSamplesLeaf || end - p < minSamplesLeaf) continue;
                criterion.update(p);
                double proxy = criterion.proxyImprovement();
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    double threshold = values[p - 1] / 2.0 + values[p] / 2.0;
                    if (threshold == values[p] || Double.isInfinite(threshold)) threshold = values[p - 1];
                    bestFeature = feature;
                    bestThreshold = threshold;
                    bestPos = p;
                }
            }
        }
        double improvement = Double.NEGATIVE_INFINITY, left = Double.POSITIVE_INFINITY, right = Double.POSITIVE_INFINITY;
        if (bestPos < end) {
            int p = start, partitionEnd = end;
            while (p < partitionEnd) {
                if (columns[bestFeature][samples[p]] <= bestThreshold) p++;
                else swap(samples, p, --partitionEnd);
            }
            criterion.reset();
            criterion.update(bestPos);
            double[] children = criterion.childrenImpurity();
            left = children[0];
            right = children[1];
            improvement = criterion.impurityImprovement(weightedNSamples, impurity, left, right);
        }
        System.arraycopy(constantFeatures, 0, features, 0, knownConstants);
        System.arraycopy(features, knownConstants, constantFeatures, knownConstants, foundConstants);
        constantsAfter = totalConstants;
        return new Split(bestFeature, bestThreshold, bestPos, improvement, left, right);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
