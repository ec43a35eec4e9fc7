package playground.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import playground.sklearn.FitListener;
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

    FitProgress(RunListener listener, LongSupplier clock) {
        this.listener = listener;
        this.clock = clock;
        this.started = clock.getAsLong();
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
        if (it.centers() != null) detail.put("centers", it.centers());
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
