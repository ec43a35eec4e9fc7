package playground.runs;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** A Keras run: its training, advanced by budgets of work, with the plane's grids when the owner asked for them. */
final class KerasWork implements Work {
    /** A heat map every 150 ms looks live and keeps a socket well under its message budget. */
    private static final long GRID_INTERVAL_NANOS = 150_000_000L;

    private final RunSpec spec;
    private final long seed;
    private final LongSupplier clock;
    private final boolean wantsPlane;
    private Training training;
    private DecisionPlane plane;
    private long lastGridAt;
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
        training = spec.start(seed);
        startedAt = clock.getAsLong();
        listener.started(RunStart.of(training));
        plane = wantsPlane ? DecisionPlane.of(spec).orElse(null) : null;
        if (plane != null) {
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
            listener.failed("diverged", divergedMessage(e.epoch()), "compile.optimizer.learning_rate");
            return true;
        }
        if (logs != null) listener.epoch(logs);
        sendGrid(training.finished(), listener);
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

    /** A grid at most every {@link #GRID_INTERVAL_NANOS}, and always the first and the last. */
    private void sendGrid(boolean always, RunListener listener) {
        if (plane == null) return;
        long now = clock.getAsLong();
        if (!always && now - lastGridAt < GRID_INTERVAL_NANOS) return;
        lastGridAt = now;
        listener.grid(plane.grid(training.model(), training.epochsDone()));
        gridOps += plane.gridOps(training.model());
    }

    /**
     * Without Normalization, inputs of very different scales (Boston's tax against its NOX) diverge at rates that
     * are fine once normalised, so the message names both cures, the likelier first.
     */
    private String divergedMessage(int epoch) {
        double rate = spec.compile().optimizer().learning_rate();
        String cure = spec.model().normalize()
                ? String.format(Locale.ROOT, "학습률(%s)이 너무 큰 것 같습니다. 10배 작은 값으로 다시 해 보세요.", rate)
                : String.format(Locale.ROOT, "입력이 정규화되지 않아 특성마다 크기가 크게 다르면 흔히 일어납니다. "
                        + "Normalization을 켜거나 학습률(%s)을 10배 작게 해 보세요.", rate);
        return String.format(Locale.ROOT, "%d번째 에포크에서 손실이 NaN 또는 무한대가 되어 학습을 멈췄습니다. %s", epoch, cure);
    }
}
