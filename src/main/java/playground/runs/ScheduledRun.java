package playground.runs;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One run as the scheduler sees it: its work, what it costs, whose it is, its listener and its deadline. The
 * scheduler guarantees that at most one worker is inside {@link #slice} at a time; {@link #cancel} may be called
 * from any thread.
 */
public final class ScheduledRun {
    /** Why a run was told to stop; {@code null} while it may go on. */
    enum StopReason { STOPPED_BY_OWNER, SHUTTING_DOWN }

    static final String INTERNAL_MESSAGE = "서버에서 학습 중 오류가 났습니다. 설정을 바꿔 다시 시도해 주세요.";

    private final Work work;
    private final RunResources resources;
    private final String owner;
    private final RunListener listener;
    private final long deadlineNanos;
    private final LongSupplier clock;
    private volatile StopReason stopReason;
    private boolean begun;
    private long startedAt;
    private boolean timedOut;
    private boolean ended;

    ScheduledRun(Work work, RunResources resources, String owner, RunListener listener, long deadlineNanos,
                 LongSupplier clock) {
        this.work = work;
        this.resources = resources;
        this.owner = owner;
        this.listener = listener;
        this.deadlineNanos = deadlineNanos;
        this.clock = clock;
    }

    /** Asks the run to stop; it does so before its next batch. Safe from any thread, idempotent. */
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

    /** Work done so far, what the scheduler charges this run's owner. */
    long opsDone() {
        return work.opsDone();
    }

    /**
     * Does the next piece of work: about {@code maxOps} operations (the first slice also builds the model). Never
     * throws: whatever goes wrong ends this run, with {@code internal} when it is our fault.
     *
     * @return true when the run wants another slice
     */
    boolean slice(long maxOps) {
        try {
            if (stopRequested() || pastDeadline()) return stop();
            if (!begun) {
                begun = true;
                startedAt = clock.getAsLong();
                work.begin(listener);
            }
            if (work.advance(maxOps, this::stopRequested, listener)) {
                ended = true;
                return false;
            }
            return true;
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

    private boolean pastDeadline() {
        if (begun && clock.getAsLong() - startedAt > deadlineNanos) timedOut = true;
        return timedOut;
    }

    private boolean stop() {
        ended = true;
        int progress = work.progress();
        if (timedOut) {
            listener.failed("timeout", String.format(Locale.ROOT,
                    "학습이 제한 시간 %d초를 넘겨 멈췄습니다 (%d 에포크까지 완료). 에포크나 층의 크기를 줄여 보세요.",
                    deadlineNanos / 1_000_000_000L, progress), null);
        } else if (stopReason == StopReason.SHUTTING_DOWN) {
            listener.failed("shutting_down", Scheduler.SHUTTING_DOWN_MESSAGE, null);
        } else {
            listener.cancelled(progress);
        }
        return false;
    }
}
