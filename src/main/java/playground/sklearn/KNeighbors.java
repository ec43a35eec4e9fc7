package playground.sklearn;

import java.util.Arrays;
import java.util.List;

/**
 * {@code KNeighborsClassifier} and {@code KNeighborsRegressor} (n_neighbors=5, weights='uniform', p=2,
 * metric='minkowski'), by brute force with exact distances. Equal distances keep the earlier training row, and a
 * tied vote goes to the smallest label, as scikit-learn's mode does.
 */
public final class KNeighbors implements Estimator {
    static final ParamSpec N_NEIGHBORS = ParamSpec.integer("n_neighbors", 5, 1, 100_000, "이웃 수 k");
    static final ParamSpec WEIGHTS = ParamSpec.choice("weights", "이웃의 가중치", "uniform", "distance");
    static final ParamSpec P = ParamSpec.number("p", 2, 1, false, Double.POSITIVE_INFINITY, "민코프스키 거리의 p");
    static final ParamSpec METRIC = ParamSpec.choice("metric", "거리", "minkowski", "euclidean", "manhattan", "chebyshev");
    static final ParamSpec ALGORITHM = ParamSpec.choice("algorithm", "이웃 찾는 방법", "auto", "ball_tree", "kd_tree", "brute");
    static final ParamSpec LEAF_SIZE = ParamSpec.integer("leaf_size", 30, 1, 100_000, "트리의 잎 크기");
    static final List<ParamSpec> PARAMS = List.of(N_NEIGHBORS, WEIGHTS, P, METRIC, ALGORITHM, LEAF_SIZE);
    private final boolean classifier;
    private final int k;
    private final boolean byDistance;
    private final double p;
    private final String neighboursField;
    private double[][] x;
    private double[] y, classes;

    public KNeighbors(boolean classifier, Params params) {
        this.classifier = classifier;
        neighboursField = params.field("n_neighbors");
        k = params.integer(N_NEIGHBORS);
        byDistance = params.choice(WEIGHTS).equals("distance");
        double power = params.number(P);
        String metric = params.choice(METRIC);
        p = switch (metric) {
            case "euclidean" -> 2;
            case "manhattan" -> 1;
            case "chebyshev" -> Double.POSITIVE_INFINITY;
            default -> power;
        };
        params.choice(ALGORITHM);
        params.integer(LEAF_SIZE);
        params.rejectUnknown(PARAMS);
    }

    public int nNeighbors() {
        return k;
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        if (k > x.length) {
            throw new InvalidParamException(neighboursField, neighboursField + "은(는) 훈련 행 수(" + x.length
                    + ") 이하여야 합니다 (받은 값: " + k + ")");
        }
        this.x = x;
        this.y = y;
        this.classes = classifier ? Numpy.unique(y) : null;
        listener.step("fit", 1, 1);
    }

    /** The indices of the {@code count} nearest training rows, nearest first; and their distances in {@code dist}. */
    int[] neighbours(double[] q, int count, double[] dist) {
        int[] out = new int[count];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            double d = distance(q, x[i]);
            if (kept == count && d >= dist[count - 1]) continue;   // an equal distance keeps the earlier row
            int at = kept < count ? kept++ : count - 1;
            while (at > 0 && dist[at - 1] > d) {
                dist[at] = dist[at - 1];
                out[at] = out[at - 1];
                at--;
            }
            dist[at] = d;
            out[at] = i;
        }
        return out;
    }

    private double distance(double[] a, double[] b) {
        double s = 0;
        if (p == Double.POSITIVE_INFINITY) {
            for (int j = 0; j < a.length; j++) s = Math.max(s, Math.abs(a[j] - b[j]));
            return s;
        }
        for (int j = 0; j < a.length; j++) {
            double t = Math.abs(a[j] - b[j]);
            s += p == 2 ? t * t : p == 1 ? t : Math.pow(t, p);
        }
        return p == 2 ? Math.sqrt(s) : p == 1 ? s : Math.pow(s, 1 / p);
    }

    /** Weights of the neighbours: 1 each, or 1/distance with exact matches taking all the weight. */
    private double[] weights(double[] dist, int count) {
        double[] w = new double[count];
        boolean exact = false;
        for (int i = 0; i < count; i++) exact |= dist[i] == 0;
        for (int i = 0; i < count; i++) w[i] = !byDistance ? 1 : exact ? (dist[i] == 0 ? 1 : 0) : 1 / dist[i];
        return w;
    }

    @Override
    public double[] predict(double[][] q) {
        return predict(q, k);
    }

    /** Predictions with the {@code count} nearest rows (for the sweep over k). */
    public double[] predict(double[][] q, int count) {
        double[] out = new double[q.length];
        double[] dist = new double[count];
        for (int r = 0; r < q.length; r++) {
            int[] nn = neighbours(q[r], count, dist);
            double[] w = weights(dist, count);
            out[r] = classifier ? vote(nn, w) : mean(nn, w);
        }
        return out;
    }

    private double vote(int[] nn, double[] w) {
        double[] score = new double[classes.length];
        for (int i = 0; i < nn.length; i++) score[Arrays.binarySearch(classes, y[nn[i]])] += w[i];
        int best = 0;
        for (int c = 1; c < score.length; c++) if (score[c] > score[best]) best = c;
        return classes[best];
    }

    private double mean(int[] nn, double[] w) {
        double s = 0, ws = 0;
        for (int i = 0; i < nn.length; i++) {
            s += byDistance ? y[nn[i]] * w[i] : y[nn[i]];
            ws += w[i];
        }
        return s / ws;
    }

    @Override
    public boolean classifier() {
        return classifier;
    }

    /** Fitting only keeps the rows; the cost is in predicting: a distance to every training row per query row. */
    /** Brute force: the distance to every training row, and keeping the k nearest. */
    @Override
    public double predictRowOps(int rows, int features, int classes) {
        return rows * (features + 1.0 + k);
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        // fitting keeps the rows; its work is in predicting ({@link #predictRowOps}, counted where rows are scored)
        return new Cost(rows * (features + 1.0), 8.0 * rows * (features + 2));
    }
}
