package playground.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import playground.sklearn.Cost;
import playground.sklearn.Estimator;
import playground.sklearn.FitListener;
import playground.sklearn.FitRun;
import playground.sklearn.Fitting;
import playground.sklearn.KMeans;
import playground.sklearn.StagePoint;

/**
 * What a scikit-learn fit tells the run's listener while it grows: a {@code step} event at most every
 * {@link #STEP_INTERVAL_NANOS} (and for the last step of each kind), carrying every staged score since the previous
 * event, so the browser draws the whole curve although the events are thinned. One thread.
 */
final class FitProgress implements FitListener {
    /** Steps come fast (a tree's nodes); ten a second show growth without flooding the socket. */
    static final long STEP_INTERVAL_NANOS = 100_000_000L;
    /** Planes a run's steps carry at most (each 40 × 40 predictions), besides the one in {@code done}… */
    static final int MAX_PLANES = 20;
    /** Depths of a single tree whose planes {@code done} carries, one per level from the root, for a depth slider. */
    static final int MAX_DEPTH_PLANES = 8;
    /** …and at most this often: a few a second are enough to watch regions change. */
    static final long PLANE_INTERVAL_NANOS = 300_000_000L;
    private static final java.util.Set<String> STAGES = java.util.Set.of("tree", "round", "depth");
    /** Rows whose clusters a k-means step lists (about 10 KB); a bigger set's step leaves them out. */
    static final int MAX_LABELS = 5000;

    private final RunListener listener;
    private BooleanSupplier stop = () -> false;
    private final LongSupplier clock;
    private final long started;
    private Fitting fitting;
    private int pointsSent;
    private long lastStepAt;
    private int steps;

    private final List<Map<String, Object>> sweepPending = new java.util.ArrayList<>();
    private DecisionPlane plane;
    private double[][] cells;
    private int planesSent;
    private long lastPlaneAt = Long.MIN_VALUE / 2;
    private int lastIndex;

    FitProgress(RunListener listener, LongSupplier clock) {
        this.listener = listener;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /** The fit's cost with its planes: {@link #MAX_PLANES} + 1 grids of predictions, their cells and the points. */
    static Cost withPlanes(Cost fit, Estimator model, FitRun.Data data) {
        int cells = DecisionPlane.GRID_SIZE * DecisionPlane.GRID_SIZE;
        double grids = MAX_PLANES + 1.0 + MAX_DEPTH_PLANES;
        double ops = grids * cells * model.predictRowOps(data.train().size(), 2, data.classes());
        int points = data.train().size() + data.test().size();
        double bytes = cells * (8.0 * 2 + 40 + 8 * 3 + MAX_DEPTH_PLANES * 12.0) + points * (40.0 + 8 + 24);
        return new Cost(fit.ops() + ops, fit.bytes() + bytes);
    }

    /** Steps of a 2-D data set also carry the model's decisions over {@code plane}. */
    void drawOn(DecisionPlane plane) {
        this.plane = plane;
        double[] flat = plane.cells();
        cells = new double[flat.length / 2][];
        for (int i = 0; i < cells.length; i++) cells[i] = new double[] {flat[2 * i], flat[2 * i + 1]};
    }

    /** The fitted model's plane, for {@code done}; empty off the plane. */
    Optional<DecisionPlane.Grid> finalPlane() {
        return plane == null || fitting == null ? Optional.empty() : Optional.ofNullable(grid());
    }

    /** A single tree's plane cut at each depth 1…min(depth, {@link #MAX_DEPTH_PLANES}), for {@code done}; else empty. */
    List<DecisionPlane.Grid> depthPlanes() {
        if (plane == null || fitting == null) return List.of();
        List<DecisionPlane.Grid> grids = new java.util.ArrayList<>();
        for (int d = 1; d <= Math.min(fitting.treeDepth(), MAX_DEPTH_PLANES); d++) {
            double[][] proba = fitting.probaNow(cells, d);
            grids.add(proba != null ? plane.probable(proba, d)
                    : plane.decided(fitting.predictAtDepth(cells, d), fitting.manyClasses(), d));
        }
        return grids;
    }

    private DecisionPlane.Grid grid() {
        double[][] proba = fitting.probaNow(cells, 0);
        if (proba != null) return plane.probable(proba, lastIndex);
        double[] predicted = fitting.predictNow(cells);
        return predicted == null ? null : plane.decided(predicted, fitting.manyClasses(), lastIndex);
    }

    /** The scheduler's stop signal for this turn. */
    void stopWhen(BooleanSupplier stop) {
        this.stop = stop;
    }

    /**
     * A sweep's value was fitted: a {@code sweep} step with that value's {@code value}, {@code train}, {@code test}
     * (or {@code inertia}) and, in {@code points}, every value fitted since the previous step event.
     */
    void swept(Map<String, Object> point, int total) {
        sweepPending.add(point);
        int index = (Integer) point.get("index");
        long now = clock.getAsLong();
        if (index < total && now - lastStepAt < STEP_INTERVAL_NANOS) return;
        lastStepAt = now;
        steps = index;
        Map<String, Object> detail = new LinkedHashMap<>(point);
        detail.remove("index");
        detail.put("points", List.copyOf(sweepPending));
        sweepPending.clear();
        listener.step(new FitStep("sweep", index, total, (now - started) / 1_000_000L, detail));
    }

    @Override
    public void watching(Fitting fitting) {
        this.fitting = fitting;
        pointsSent = 0;
    }

    @Override
    public void step(String kind, int index, int total) {
        steps = index;
        long now = clock.getAsLong();
        boolean last = total > 0 && index >= total;   // a tree's nodes come with total 0: never "last"
        if (!last && now - lastStepAt < STEP_INTERVAL_NANOS) return;
        lastStepAt = now;
        Map<String, Object> detail = new LinkedHashMap<>();
        points(detail);
        lastIndex = index;
        if (plane != null && STAGES.contains(kind) && planesSent < MAX_PLANES
                && (last || now - lastPlaneAt >= PLANE_INTERVAL_NANOS)) {
            DecisionPlane.Grid grid = grid();
            if (grid != null) {
                detail.put("plane", grid);
                planesSent++;
                lastPlaneAt = now;
            }
        }
        if (kind.equals("iteration") && fitting != null && fitting.estimator() instanceof KMeans km) iteration(km, detail);
        listener.step(new FitStep(kind, index, total, (now - started) / 1_000_000L, detail));
    }

    /** The staged scores not yet sent: {@code [{"index", "train", "test"}, ...]}. */
    private void points(Map<String, Object> detail) {
        if (fitting == null || fitting.curve().size() == pointsSent) return;
        List<StagePoint> fresh = List.copyOf(fitting.curve().subList(pointsSent, fitting.curve().size()));
        pointsSent += fresh.size();
        detail.put("points", fresh);
    }

    /** The iteration heard: which init, its centres and inertia, and on a 2-D set each row's cluster. */
    private void iteration(KMeans km, Map<String, Object> detail) {
        KMeans.Iteration it = km.liveIteration();
        detail.put("init", km.liveInit());
        if (it.centers() != null) detail.put("centers", fitting.inDataSpace(it.centers()));
        detail.put("inertia", it.inertia());
        if (fitting.features() == 2 && fitting.trainRows() <= MAX_LABELS) detail.put("labels", km.liveLabels().clone());
    }

    @Override
    public boolean cancelled() {
        return stop.getAsBoolean();
    }

    /** Steps heard so far (of the last kind), for the cancelled and timeout messages. */
    int steps() {
        return steps;
    }

    long elapsedMs() {
        return (clock.getAsLong() - started) / 1_000_000L;
    }
}
