package playground.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import playground.sklearn.FitListener;
import playground.sklearn.Fitting;
import playground.sklearn.StagePoint;

/**
 * What a scikit-learn fit tells the run's listener while it grows: a {@code step} event at most every
 * {@link #STEP_INTERVAL_NANOS} (and for the last step of each kind), carrying every staged score since the previous
 * event, so the browser draws the whole curve although the events are thinned. One thread.
 */
final class FitProgress implements FitListener {
    /** Steps come fast (a tree's nodes); ten a second show growth without flooding the socket. */
    static final long STEP_INTERVAL_NANOS = 100_000_000L;

    private final RunListener listener;
    private final BooleanSupplier stop;
    private final LongSupplier clock;
    private final long started;
    private Fitting fitting;
    private int pointsSent;
    private long lastStepAt;
    private int steps;

    FitProgress(RunListener listener, BooleanSupplier stop, LongSupplier clock) {
        this.listener = listener;
        this.stop = stop;
        this.clock = clock;
        this.started = clock.getAsLong();
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
        listener.step(new FitStep(kind, index, total, (now - started) / 1_000_000L, detail));
    }

    /** The staged scores not yet sent: {@code [{"index", "train", "test"}, ...]}. */
    private void points(Map<String, Object> detail) {
        if (fitting == null || fitting.curve().size() == pointsSent) return;
        List<StagePoint> fresh = List.copyOf(fitting.curve().subList(pointsSent, fitting.curve().size()));
        pointsSent += fresh.size();
        detail.put("points", fresh);
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
