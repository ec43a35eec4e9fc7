package playground.sklearn;

/**
 * scikit-learn's split criteria ({@code _criterion.pyx}) over {@code samples[start:end]}: running weighted sums of
 * the left part as the split position moves, updated from whichever end is nearer, exactly as scikit-learn orders
 * the additions (so near-equal splits are ranked the same).
 */
abstract class Criterion {
    protected final double[] y, weights;
    protected int[] samples;
    protected int start, pos, end;
    double weightedNNodeSamples, weightedNLeft, weightedNRight;

    Criterion(double[] y, double[] weights) {
        this.y = y;
        this.weights = weights;
    }

    protected double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    void init(int[] samples, int start, int end) {
        this.samples = samples;
        this.start = start;
        this.end = end;
        weightedNNodeSamples = 0;
        clearTotals();
        for (int p = start; p < end; p++) {
            int i = samples[p];
            double w = weight(i);
            addToTotal(i, w);
            weightedNNodeSamples += w;
        }
        reset();
    }

    void reset() {
        pos = start;
        weightedNLeft = 0;
        weightedNRight = weightedNNodeSamples;
        leftEmpty();
    }

    void reverseReset() {
        pos = end;
        weightedNLeft = weightedNNodeSamples;
        weightedNRight = 0;
        leftFull();
    }

    void update(int newPos) {
        if (newPos - pos <= end - newPos) {
            for (int p = pos; p < newPos; p++) {
                int i = samples[p];
                double w = weight(i);
                addLeft(i, w);
                weightedNLeft += w;
            }
        } else {
            reverseReset();
            for (int p = end - 1; p >= newPos; p--) {
                int i = samples[p];
                double w = weight(i);
                addLeft(i, -w);
                weightedNLeft -= w;
            }
        }
        weightedNRight = weightedNNodeSamples - weightedNLeft;
        updateRight();
        pos = newPos;
    }

    /** The improvement scikit-learn reports and sums into feature importances. */
    double impurityImprovement(double weightedNSamples, double parent, double left, double right) {
        return (weightedNNodeSamples / weightedNSamples) * (parent - (weightedNRight / weightedNNodeSamples * right)
                - (weightedNLeft / weightedNNodeSamples * left));
    }

    /** A cheaper number that ranks splits as the improvement does. */
    double proxyImprovement() {
        double[] c = childrenImpurity();
        return -weightedNRight * c[1] - weightedNLeft * c[0];
    }

    abstract void clearTotals();

    abstract void addToTotal(int sample, double w);

    abstract void leftEmpty();

    abstract void leftFull();

    abstract void addLeft(int sample, double w);

    abstract void updateRight();

    abstract double nodeImpurity();

    /** {left, right} impurity at the current position. */
    abstract double[] childrenImpurity();

    abstract double[] nodeValue();

    /** Gini or entropy over class counts (classes are 0 … k−1 in {@code y}). */
    static final class Classification extends Criterion {
        private final boolean entropy;
        private final double[] total, left, right;

        Classification(double[] y, double[] weights, int classes, boolean entropy) {
            super(y, weights);
            this.entropy = entropy;
            total = new double[classes];
            left = new double[classes];
            right = new double[classes];
        }

        @Override void clearTotals() { java.util.Arrays.fill(total, 0); }
        @Override void addToTotal(int i, double w) { total[(int) y[i]] += w; }
        @Override void leftEmpty() { java.util.Arrays.fill(left, 0); System.arraycopy(total, 0, right, 0, total.length); }
        @Override void leftFull() { System.arraycopy(total, 0, left, 0, total.length); java.util.Arrays.fill(right, 0); }
        @Override void addLeft(int i, double w) { left[(int) y[i]] += w; }
        @Override void updateRight() { for (int c = 0; c < total.length; c++) right[c] = total[c] - left[c]; }

        private double impurity(double[] counts, double n) {
            if (entropy) {
                double e = 0;
                for (double count : counts) {
                    if (count > 0) {
                        double p = count / n;
                        e -= p * (Math.log(p) / Math.log(2.0));
                    }
                }
                return e;
            }
            double sq = 0;
            for (double count : counts) sq += count * count;
            return 1.0 - sq / (n * n);
        }

        @Override double nodeImpurity() { return impurity(total, weightedNNodeSamples); }

        @Override double[] childrenImpurity() {
            return new double[] {impurity(left, weightedNLeft), impurity(right, weightedNRight)};
        }

        /** The base class's proxy without the array: the same arithmetic, run for every candidate split. */
        @Override double proxyImprovement() {
            return -weightedNRight * impurity(right, weightedNRight) - weightedNLeft * impurity(left, weightedNLeft);
        }

        @Override double[] nodeValue() { return total.clone(); }
    }

    /** Squared error: variance of the target, with scikit-learn's proxy Σ²/n per side. */
    static final class SquaredError extends Criterion {
        private double sumTotal, sqSumTotal, sumLeft, sumRight;

        SquaredError(double[] y, double[] weights) {
            super(y, weights);
        }

        @Override void clearTotals() { sumTotal = 0; sqSumTotal = 0; }
        @Override void addToTotal(int i, double w) { double wy = w * y[i]; sumTotal += wy; sqSumTotal += wy * y[i]; }
        @Override void leftEmpty() { sumLeft = 0; sumRight = sumTotal; }
        @Override void leftFull() { sumLeft = sumTotal; sumRight = 0; }
        @Override void addLeft(int i, double w) { sumLeft += w * y[i]; }
        @Override void updateRight() { sumRight = sumTotal - sumLeft; }

        @Override double nodeImpurity() {
            double mean = sumTotal / weightedNNodeSamples;
            return sqSumTotal / weightedNNodeSamples - mean * mean;
        }

        @Override double[] childrenImpurity() {
            double sqLeft = 0;
            for (int p = start; p < pos; p++) {
                int i = samples[p];
                double wy = weight(i) * y[i];
                sqLeft += wy * y[i];
            }
            double sqRight = sqSumTotal - sqLeft;
            double l = sqLeft / weightedNLeft - (sumLeft / weightedNLeft) * (sumLeft / weightedNLeft);
            double r = sqRight / weightedNRight - (sumRight / weightedNRight) * (sumRight / weightedNRight);
            return new double[] {l, r};
        }

        @Override double proxyImprovement() {
            return sumLeft * sumLeft / weightedNLeft + sumRight * sumRight / weightedNRight;
        }

        @Override double[] nodeValue() { return new double[] {sumTotal / weightedNNodeSamples}; }
    }
}
