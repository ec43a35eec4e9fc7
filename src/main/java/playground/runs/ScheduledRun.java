package playground.runs;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One run as the scheduler sees it: its document, what it costs, whose it is, its listener and how far it got. The
 * scheduler guarantees that at most one worker is inside {@link #slice} at a time; {@link #cancel} may be called
 * from any thread.
 */
public final class ScheduledRun {
    /** Why a run was told to stop; {@code null} while it may go on. */
    enum StopReason { STOPPED_BY_OWNER, SHUTTING_DOWN }

    /** A heat map every 150 ms looks live and keeps a socket well under its message budget. */
    private static final long GRID_INTERVAL_NANOS = 150_000_000L;
    static final String INTERNAL_MESSAGE = "서버에서 학습 중 오류가 났습니다. 설정을 바꿔 다시 시도해 주세요.";

    private final RunSpec spec;
    private final RunResources resources;
    private final String owner;
    private final long seed;
    private final RunListener listener;
    private final long deadlineNanos;
    private final LongSupplier clock;
    private final boolean wantsPlane;
    private volatile StopReason stopReason;
    private DecisionPlane plane;
    private long lastGridAt;
    private Training training;
    private long startedAt;
    private long gridOps;
    private boolean timedOut;
    private boolean ended;

    ScheduledRun(RunSpec spec, RunResources resources, String owner, long seed, RunListener listener,
                 long deadlineNanos, LongSupplier clock, boolean wantsPlane) {
        this.spec = spec;
        this.resources = resources;
        this.owner = owner;
        this.seed = seed;
        this.listener = listener;
        this.deadlineNanos = deadlineNanos;
        this.clock = clock;
        this.wantsPlane = wantsPlane;
    }

    public long seed() {
        return seed;
    }

    /** Asks the run to stop; it does so at its next turn. Safe from any thread, idempotent. */
    public void cancel() {
        stopWith(StopReason.STOPPED_BY_OWNER);
    }

    void stopWith(StopReason reason) {
        if (stopReason == null) stopReason = reason;
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    RunListener listener() {
        return listener;
    }

    RunResources resources() {
        return resources;
    }

    String owner() {
        return owner;
    }

    /** Work done so far (training, validation and grids), what the scheduler charges this run's owner. */
    long opsDone() {
        return (training == null ? 0 : training.opsDone()) + gridOps;
    }

    /**
     * Does the next piece of work: about {@code maxOps} operations of training (the first slice also builds the
     * model). Never throws: whatever goes wrong ends this run, with {@code internal} when it is our fault.
     *
     * @return true when the run wants another slice
     */
    boolean slice(long maxOps) {
        try {
            if (stopRequested() || pastDeadline()) return stop();
            if (training == null) begin();
            EpochLogs logs = training.advance(maxOps, this::stopRequested);  // a stop ends the turn at once
            if (logs != null) listener.epoch(logs);
            sendGrid(training.finished());
            if (training.finished()) {
                ended = true;
                listener.done(training.test(), elapsedMs(), LearnedWeights.of(spec, training.model()).orElse(null));
                return false;
            }
            return true;
        } catch (DivergedException e) {
            ended = true;
            listener.failed("diverged", divergedMessage(e.epoch()), "compile.optimizer.learning_rate");
            return false;
        } catch (Throwable e) {
            fail(e);
            return false;
        }
    }

    /**
     * Ends the run with {@code internal} after a bug or an exhaustion: it must end this run only, never the worker
     * that serves everyone, so neither the log nor the listener may throw out of here.
     */
    void fail(Throwable cause) {
        try {
            System.getLogger(ScheduledRun.class.getName()).log(System.Logger.Level.ERROR, "run failed", cause);
        } catch (Throwable ignored) {
            // the log itself failed (no memory for the message): the run's answer matters more
        }
        if (ended) return;
        ended = true;
        try {
            listener.failed("internal", INTERNAL_MESSAGE, null);
        } catch (Throwable ignored) {
            // the listener cannot be told; the socket's own watch closes it
        }
    }

    /** Fails this run before it started because the scheduler will never give it a slice. */
    void abandon() {
        stop();
    }

    private void begin() {
        training = spec.start(seed);
        startedAt = clock.getAsLong();
        listener.started(RunStart.of(training));
        plane = wantsPlane ? DecisionPlane.of(spec).orElse(null) : null;
        if (plane != null) {
            listener.points(plane.points());
            sendGrid(true);
        }
    }

    /** A grid at most every {@link #GRID_INTERVAL_NANOS}, and always the first and the last. */
    private void sendGrid(boolean always) {
        if (plane == null) return;
        long now = clock.getAsLong();
        if (!always && now - lastGridAt < GRID_INTERVAL_NANOS) return;
        lastGridAt = now;
        listener.grid(plane.grid(training.model(), training.epochsDone()));
        gridOps += plane.gridOps(training.model());
    }

    private boolean pastDeadline() {
        if (training != null && clock.getAsLong() - startedAt > deadlineNanos) timedOut = true;
        return timedOut;
    }

    private boolean stop() {
        ended = true;
        int epoch = training == null ? 0 : training.epochsDone();
        if (timedOut) {
            listener.failed("timeout", String.format(Locale.ROOT,
                    "학습이 제한 시간 %d초를 넘겨 멈췄습니다 (%d 에포크까지 완료). 에포크나 층의 크기를 줄여 보세요.",
                    deadlineNanos / 1_000_000_000L, epoch), null);
        } else if (stopReason == StopReason.SHUTTING_DOWN) {
            listener.failed("shutting_down", Scheduler.SHUTTING_DOWN_MESSAGE, null);
        } else {
            listener.cancelled(epoch);
        }
        return false;
    }

    private String divergedMessage(int epoch) {
        return String.format(Locale.ROOT,
                "%d번째 에포크에서 손실이 NaN 또는 무한대가 되어 학습을 멈췄습니다. 학습률(%s)이 너무 큰 것 같습니다. "
                        + "10배 작은 값으로 다시 해 보세요.",
                epoch, spec.compile().optimizer().learning_rate());
    }

    private long elapsedMs() {
        return (clock.getAsLong() - startedAt) / 1_000_000L;
    }
}
