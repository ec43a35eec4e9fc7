package playground.sklearn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code KMeans(n_clusters=8, init='k-means++', n_init=10, max_iter=300, tol=1e-4, algorithm='lloyd')} as 1.2: the
 * rows are centred first, tol is scaled by the mean feature variance, k-means++ takes 2 + ⌊ln k⌋ candidates per
 * centre from {@code RandomState(random_state)}, Lloyd stops when labels repeat or the centres move less than tol,
 * and the best of n_init runs by inertia is kept. {@code init} may also be {@code random} or a list of centres.
 */
public final class KMeans implements Estimator {
    static final ParamSpec N_CLUSTERS = ParamSpec.integer("n_clusters", 8, 1, 10_000, "군집 수 k");
    static final ParamSpec INIT = ParamSpec.choice("init", "처음 중심 고르기", "k-means++", "random").alsoTaking("centres");
    static final ParamSpec N_INIT = ParamSpec.integer("n_init", 10, 1, 1000, "처음 중심을 바꿔 해 보는 횟수");
    static final ParamSpec MAX_ITER = ParamSpec.integer("max_iter", 300, 1, 100_000, "최대 반복 수");
    static final ParamSpec TOL = ParamSpec.number("tol", 1e-4, 0, false, Double.POSITIVE_INFINITY, "멈춤 허용 오차");
    static final ParamSpec ALGORITHM = ParamSpec.choice("algorithm", "알고리즘", "lloyd", "full");
    static final List<ParamSpec> PARAMS = List.of(N_CLUSTERS, INIT, N_INIT, MAX_ITER, TOL, DecisionTree.RANDOM_STATE, ALGORITHM);
    private final int k, maxIter;
    private int nInit;
    private final double tol;
    private final Object init;
    private final long randomState;
    private final String initField, clustersField;
    private double[][] centers;
    private int[] labels;
    private double inertia;
    private int nIter;
    /**
     * Centre coordinates an iteration's record keeps at most (k × features): a watcher draws a few centres, and
     * max_iter × n_clusters × features could otherwise fill the heap.
     */
    public static final int MAX_TRACED_CENTRE_VALUES = 1000;
    /** Iterations whose centres are kept per init (the inertia of every iteration is). */
    public static final int MAX_TRACED_ITERATIONS = 300;

    /** One Lloyd iteration: its centres (in the data's own coordinates; null when not kept) and inertia. */
    public record Iteration(double[][] centers, double inertia) {}

    /** The iterations of the init being fitted, and of the best init so far. */
    private List<Iteration> trace = new ArrayList<>(), bestTrace = List.of();
    private int initRun, bestInit;
    /** The labels of the iteration just reported (the rows' nearest centres before it moved them). */
    private int[] liveLabels;
    private double[] mean;

    public KMeans(Params params, long seed) {
        k = params.integer(N_CLUSTERS);
        initField = params.field(INIT.name());
        clustersField = params.field(N_CLUSTERS.name());
        Object i = params.raw(INIT.name(), INIT.defaultValue());
        if (!(INIT.choices().contains(i) || i instanceof List<?>)) {
            throw params.error(INIT.name(), "\"k-means++\", \"random\" 또는 중심 좌표 목록", i);
        }
        init = i;
        nInit = params.integer(N_INIT);
        if (i instanceof List<?>) nInit = 1;   // scikit-learn warns and runs once from explicit centres
        maxIter = params.integer(MAX_ITER);
        tol = params.number(TOL);
        params.choice(ALGORITHM);
        randomState = params.seed(DecisionTree.RANDOM_STATE, seed);
        params.rejectUnknown(PARAMS);
    }

    @Override
    public void fit(double[][] x, double[] y, FitListener listener) {
        int n = x.length, d = x[0].length;
        if (k > n) {
            throw new InvalidParamException(clustersField, clustersField + "은(는) 행 수(" + n + ") 이하여야 합니다 (받은 값: " + k + ")");
        }
        mean = Numpy.columnMeans(x);
        double[][] xc = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) xc[i][j] = x[i][j] - mean[j];
        double[] variance = Numpy.columnVariances(x, mean);
        double scaledTol = 0;
        for (double v : variance) scaledTol += v;
        scaledTol = scaledTol / d * tol;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) norms[i] = Numpy.dot(xc[i], xc[i]);
        RandomState random = new RandomState(randomState);
        double best = Double.POSITIVE_INFINITY;
        for (int run = 0; run < nInit; run++) {
            double[][] start = initialCentres(xc, norms, mean, random);
            initRun = run;
            trace = new ArrayList<>();
            Lloyd result = lloyd(xc, start, scaledTol, listener);
            if (result.inertia < best) {
                bestTrace = trace;
                bestInit = run;
                best = result.inertia;
                centers = result.centers;
                labels = result.labels;
                nIter = result.iterations;
            }
        }
        inertia = best;
        for (double[] c : centers) for (int j = 0; j < d; j++) c[j] += mean[j];
    }

    private double[][] initialCentres(double[][] x, double[] norms, double[] mean, RandomState random) {
        int n = x.length, d = x[0].length;
        double[][] c = new double[k][];
        if (init instanceof List<?> list) {
            if (list.size() != k) throw new InvalidParamException(initField, initField + "에는 중심이 n_clusters(" + k + ")개 있어야 합니다 (받은 개수: " + list.size() + ")");
            for (int i = 0; i < k; i++) {
                if (!(list.get(i) instanceof List<?> row) || row.size() != d) {
                    throw new InvalidParamException(initField, initField + "의 중심마다 좌표가 " + d + "개 있어야 합니다");
                }
                c[i] = new double[d];
                for (int j = 0; j < d; j++) c[i][j] = ((Number) row.get(j)).doubleValue() - mean[j];
            }
            return c;
        }
        if (init.equals("random")) {
            int[] seeds = random.permutation(n);
            for (int i = 0; i < k; i++) c[i] = x[seeds[i]].clone();
            return c;
        }
        return plusPlus(x, norms, random);
    }

    /** {@code _kmeans_plusplus}: each new centre is the best of 2 + ⌊ln k⌋ candidates drawn in proportion to D². */
    private double[][] plusPlus(double[][] x, double[] norms, RandomState random) {
        int n = x.length, trials = 2 + (int) Math.log(k);
        double[][] c = new double[k][];
        int first = (int) random.randint(0, n);
        c[0] = x[first].clone();
        double[] closest = squaredDistances(x[first], norms[first], x, norms);
        double pot = Numpy.sum(closest);
        for (int ci = 1; ci < k; ci++) {
            double[] cumsum = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) cumsum[i] = s += closest[i];
            int bestCandidate = -1;
            double bestPot = Double.POSITIVE_INFINITY;
            double[] bestDist = null;
            int[] candidates = new int[trials];
            for (int t = 0; t < trials; t++) {
                double v = random.randomSample() * pot;
                int idx = searchLeft(cumsum, v);
                candidates[t] = Math.min(idx, n - 1);
            }
            for (int t = 0; t < trials; t++) {
                int cand = candidates[t];
                double[] dist = squaredDistances(x[cand], norms[cand], x, norms);
                for (int i = 0; i < n; i++) dist[i] = Math.min(closest[i], dist[i]);
                double candPot = Numpy.sum(dist);
                if (candPot < bestPot) {
                    bestPot = candPot;
                    bestCandidate = cand;
                    bestDist = dist;
                }
            }
            pot = bestPot;
            closest = bestDist;
            c[ci] = x[bestCandidate].clone();
        }
        return c;
    }

    /** {@code np.searchsorted(a, v, side='left')}. */
    private static int searchLeft(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** ‖c‖² − 2 c·x + ‖x‖², floored at 0, as {@code _euclidean_distances} computes them. */
    private static double[] squaredDistances(double[] c, double cNorm, double[][] x, double[] norms) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = Math.max(-2 * Numpy.dot(c, x[i]) + cNorm + norms[i], 0);
        return d;
    }

    private record Lloyd(double[][] centers, int[] labels, double inertia, int iterations) {}

    private Lloyd lloyd(double[][] x, double[][] start, double tol, FitListener listener) {
        int n = x.length, d = x[0].length;
        double[][] c = start;
        int[] labels = new int[n], old = new int[n];
        java.util.Arrays.fill(old, -1);
        boolean strict = false;
        int i;
        for (i = 0; i < maxIter; i++) {
            FitListener.check(listener);
            assign(x, c, labels);
            double[][] next = update(x, c, labels);
            double shift = 0;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int f = 0; f < d; f++) s += (next[j][f] - c[j][f]) * (next[j][f] - c[j][f]);
                shift += s;   // Σ over centres of ‖moved‖² (center_shift², summed)
            }
            c = next;
            boolean keep = k * d <= MAX_TRACED_CENTRE_VALUES && trace.size() < MAX_TRACED_ITERATIONS;
            trace.add(new Iteration(keep ? shifted(c) : null, inertia(x, c, labels)));
            liveLabels = labels;
            strict = java.util.Arrays.equals(labels, old);
            boolean stops = strict || shift <= tol || i == maxIter - 1;
            // the last init's last iteration is told as the last step, so a listener that thins steps sends it
            listener.step("iteration", i + 1, stops && initRun == nInit - 1 ? i + 1 : maxIter);
            if (stops) break;
            System.arraycopy(labels, 0, old, 0, n);
        }
        if (!strict) assign(x, c, labels);
        return new Lloyd(c, labels, inertia(x, c, labels), Math.min(i + 1, maxIter));
    }

    private double[][] shifted(double[][] c) {
        double[][] out = new double[c.length][];
        for (int j = 0; j < c.length; j++) {
            out[j] = c[j].clone();
            for (int f = 0; f < mean.length; f++) out[j][f] += mean[f];
        }
        return out;
    }

    /** While a listener hears an iteration: that iteration (centres null when too many to keep). */
    public Iteration liveIteration() {
        return trace.get(trace.size() - 1);
    }

    /** While a listener hears an iteration: each row's nearest centre before the centres moved (do not change it). */
    public int[] liveLabels() {
        return liveLabels;
    }

    /** While a listener hears an iteration: which init (0-based, of n_init) is being run. */
    public int liveInit() {
        return initRun;
    }

    /** After the fit: the iterations of the init kept (the lowest inertia) and its index, 0-based. */
    public List<Iteration> iterations() {
        return bestTrace;
    }

    public int clusters() {
        return k;
    }

    public int initIndex() {
        return bestInit;
    }

    /** Nearest centre by ‖c‖² − 2 x·c, the first on a tie. */
    private static void assign(double[][] x, double[][] c, int[] labels) {
        double[] cNorm = new double[c.length];
        for (int j = 0; j < c.length; j++) cNorm[j] = Numpy.dot(c[j], c[j]);
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < c.length; j++) {
                double dist = cNorm[j] - 2 * Numpy.dot(x[i], c[j]);
                if (dist < bestD) {
                    bestD = dist;
                    best = j;
                }
            }
            labels[i] = best;
        }
    }

    /** Means of the assigned rows; an empty cluster takes the row farthest from its centre (scikit-learn's relocation). */
    private double[][] update(double[][] x, double[][] old, int[] labels) {
        int d = x[0].length;
        double[][] sum = new double[k][d];
        double[] count = new double[k];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            for (int f = 0; f < d; f++) sum[labels[i]][f] += x[i][f];
        }
        for (int j = 0; j < k; j++) {
            if (count[j] > 0) continue;
            int far = 0;
            double farD = -1;
            for (int i = 0; i < x.length; i++) {
                double dist = 0;
                for (int f = 0; f < d; f++) dist += (x[i][f] - old[labels[i]][f]) * (x[i][f] - old[labels[i]][f]);
                if (dist > farD && count[labels[i]] > 1) {
                    farD = dist;
                    far = i;
                }
            }
            int from = labels[far];
            for (int f = 0; f < d; f++) {
                sum[from][f] -= x[far][f];
                sum[j][f] = x[far][f];
            }
            count[from]--;
            count[j] = 1;
        }
        for (int j = 0; j < k; j++) for (int f = 0; f < d; f++) sum[j][f] /= count[j];
        return sum;
    }

    private static double inertia(double[][] x, double[][] c, int[] labels) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int f = 0; f < x[i].length; f++) {
                double t = x[i][f] - c[labels[i]][f];
                s += t * t;
            }
        }
        return s;
    }

    @Override
    public double[] predict(double[][] x) {
        double[] out = new double[x.length];
        int[] l = new int[x.length];
        assign(x, centers, l);
        for (int i = 0; i < x.length; i++) out[i] = l[i];
        return out;
    }

    /** KMeans has no accuracy or R²: {@code score} is scikit-learn's, −inertia of the rows. */
    @Override
    public double score(double[][] x, double[] y) {
        double[] p = predict(x);
        int[] l = new int[x.length];
        for (int i = 0; i < x.length; i++) l[i] = (int) p[i];
        return -inertia(x, centers, l);
    }

    @Override
    public boolean classifier() {
        return false;
    }

    public double[][] clusterCenters() {
        return centers;
    }

    public int[] labels() {
        return labels.clone();
    }

    public double inertia() {
        return inertia;
    }

    public int nIter() {
        return nIter;
    }


    /** The distance to every centre. */
    @Override
    public double predictRowOps(int rows, int features, int classes) {
        return 2.0 * k * features;
    }

    @Override
    public Cost cost(int rows, int features, int classes) {
        // the iterations' records: this init's and the best's, centres only while small enough to keep
        double centres = (double) k * features <= MAX_TRACED_CENTRE_VALUES
                ? Math.min(maxIter, MAX_TRACED_ITERATIONS) * (8.0 * k * features + 24.0 * k) : 0;
        double trace = 2 * (centres + 48.0 * maxIter);
        return new Cost((double) nInit * maxIter * rows * k * features * 2,
                8.0 * (rows * features * 2 + (double) k * features * 2) + 8.0 * rows + trace);
    }
}
