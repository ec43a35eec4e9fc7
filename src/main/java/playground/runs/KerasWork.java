package playground.runs;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import playground.document.RunSpec;

/** A Keras run: its training, advanced by budgets of work, with the plane's grids when the owner asked for them. */
final class KerasWork implements Work {
    /**
     * Frames of the plane a run sends besides the untrained one, spread evenly over its epochs: a 0.1 s run still
     * shows its boundary growing when the browser plays it back (the socket paces them, see the server's Outbox).
     */
    static final int FRAMES = 20;
    /** A slow run also gets a frame every 150 ms, so its plane looks live; never more than one an epoch. */
    private static final long GRID_INTERVAL_NANOS = 150_000_000L;
    /** With the network view a frame is tens of kilobytes: a slow run sends at most two a second. */
    private static final long NETWORK_INTERVAL_NANOS = 500_000_000L;
    /** The most frames a slow run sends between its {@link #FRAMES} (a minute at two a second would be 120). */
    static final int MAX_TIMED_FRAMES = 2 * FRAMES;

    private final RunSpec spec;
    private final long seed;
    private final LongSupplier clock;
    private final boolean wantsPlane;
    private Training training;
    private DecisionPlane plane;
    private NetworkView network;
    private long lastGridAt;
    private int timedFrames;
    private long gridOps;
    private long startedAt;

    KerasWork(RunSpec spec, long seed, LongSupplier clock, boolean wantsPlane) {
        this.spec = spec;
        this.seed = seed;
        this.clock = clock;
        this.wantsPlane = wantsPlane;
    }

    @Override
    public void begin(RunListener listener) {
        training = Training.start(spec, seed);
        startedAt = clock.getAsLong();
        listener.started(RunStart.of(training));
        plane = wantsPlane ? DecisionPlane.of(spec).orElse(null) : null;
        if (plane != null) {
            network = NetworkView.of(spec);
            listener.points(plane.points());
            sendGrid(true, listener);
        }
    }

    @Override
    public boolean advance(long maxOps, BooleanSupplier stop, RunListener listener) {
        EpochLogs logs;
        try {
            logs = training.advance(maxOps, stop);
        } catch (DivergedException e) {
            listener.diverged(Divergence.of(spec, e.epoch(), training.batchLosses()));
            return true;
        }
        if (logs == null) return false;
        listener.epoch(logs);
        sendGrid(training.finished() || logs.epoch() % frameEvery() == 0, listener);
        if (!training.finished()) return false;
        listener.done(KerasOutcome.of(spec, training), (clock.getAsLong() - startedAt) / 1_000_000L);
        return true;
    }

    @Override
    public long opsDone() {
        return (training == null ? 0 : training.opsDone()) + gridOps;
    }

    @Override
    public int progress() {
        return training == null ? 0 : training.epochsDone();
    }

    /** Epochs between frames: {@link #FRAMES} over the run. */
    private int frameEvery() {
        return Math.max(1, (training.epochs() + FRAMES - 1) / FRAMES);
    }

    /**
     * A grid (with the network view) when {@code due}, else an interval after the last, at most
     * {@link #MAX_TIMED_FRAMES} of those; at epochs' ends, so never more than the estimate's one an epoch.
     */
    private void sendGrid(boolean due, RunListener listener) {
        if (plane == null) return;
        long now = clock.getAsLong();
        if (!due) {
            long interval = network == null ? GRID_INTERVAL_NANOS : NETWORK_INTERVAL_NANOS;
            if (now - lastGridAt < interval || timedFrames >= MAX_TIMED_FRAMES) return;
            timedFrames++;
        }
        lastGridAt = now;
        listener.grid(plane.grid(training.model(), training.epochsDone(), network));
        int[] widths = training.model().widths();
        gridOps += plane.gridOps(training.model()) + (network == null ? 0 : NetworkView.frameOps(widths));
    }
}
