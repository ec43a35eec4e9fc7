package playground.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Trains many runs on a fixed pool of worker threads, fairly: runs take turns one epoch at a time
 * (round-robin, a newly active run first), so a big run cannot starve a small one. At most {@code maxActive}
 * runs take turns; the rest wait in a bounded queue and hear their position whenever it changes. Thread-safe.
 */
public final class Scheduler implements AutoCloseable {
    /** What a student reads when the server restarts under their run (RELIABILITY 10). */
    public static final String SHUTTING_DOWN_MESSAGE =
            "서버가 다시 시작되는 중입니다. 잠시 후 페이지가 다시 연결되면 실행을 눌러 주세요.";

    private final RunLimits limits;
    private final LongSupplier clock;
    private final Object lock = new Object();
    /** Active runs waiting for their next slice, in turn order. */
    private final ArrayDeque<ScheduledRun> ready = new ArrayDeque<>();
    /** Runs not yet active, in arrival order. */
    private final ArrayDeque<ScheduledRun> waiting = new ArrayDeque<>();
    /** Every active run: in {@code ready} or on a worker. */
    private final List<ScheduledRun> active = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private boolean accepting = true;

    public Scheduler(RunLimits limits) {
        this(limits, System::nanoTime);
    }

    Scheduler(RunLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        for (int i = 0; i < limits.workers(); i++) {
            Thread worker = new Thread(this::work, "trainer-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Accepts a validated run. The listener hears {@code queued} first when the run has to wait.
     *
     * @throws SchedulerBusyException when the queue is full or the scheduler is shutting down
     */
    public ScheduledRun submit(RunSpec spec, long seed, RunListener listener) throws SchedulerBusyException {
        return submit(spec, seed, listener, false);
    }

    /** @param wantsPlane whether the listener wants the points and the model's output over the plane (2-D sets) */
    public ScheduledRun submit(RunSpec spec, long seed, RunListener listener, boolean wantsPlane)
            throws SchedulerBusyException {
        ScheduledRun run = new ScheduledRun(spec, seed, listener, limits.deadline().toNanos(), clock, wantsPlane);
        int position;
        synchronized (lock) {
            if (!accepting) {
                throw new SchedulerBusyException("shutting_down", SHUTTING_DOWN_MESSAGE);
            }
            if (active.size() < limits.maxActive()) {
                activate(run);
                return run;
            }
            if (waiting.size() >= limits.queueCapacity()) {
                throw new SchedulerBusyException("busy", String.format(
                        "지금 학습을 기다리는 사람이 너무 많습니다 (대기열 %d명이 가득 찼습니다). 잠시 후 다시 실행해 주세요.",
                        limits.queueCapacity()));
            }
            waiting.addLast(run);
            position = waiting.size();
        }
        listener.queued(position);
        return run;
    }

    /** Runs that hold or wait for a worker's turn. */
    public int activeCount() {
        synchronized (lock) {
            return active.size();
        }
    }

    public int queuedCount() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    public int workerCount() {
        return workers.size();
    }

    /**
     * Stops accepting runs and stops every run with {@code shutting_down}, then waits up to {@code timeoutMs}
     * for the workers to report it.
     */
    public void shutdown(long timeoutMs) {
        List<ScheduledRun> stillWaiting;
        synchronized (lock) {
            accepting = false;
            active.forEach(run -> run.stopWith(ScheduledRun.StopReason.SHUTTING_DOWN));
            stillWaiting = new ArrayList<>(waiting);
            waiting.clear();
        }
        stillWaiting.forEach(run -> {
            run.stopWith(ScheduledRun.StopReason.SHUTTING_DOWN);
            run.abandon();
        });
        long until = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock) {
            while (!active.isEmpty() && clock.getAsLong() < until) {
                waitQuietly(until);
            }
        }
    }

    @Override
    public void close() {
        shutdown(2_000);
        workers.forEach(Thread::interrupt);
    }

    /** A waiting run that is cancelled leaves the queue at once; an active one stops at its next batch. */
    public void cancel(ScheduledRun run) {
        run.cancel();
        boolean removed;
        synchronized (lock) {
            removed = waiting.remove(run);
            if (removed) tellPositions();
        }
        if (removed) run.abandon();
    }

    private void work() {
        while (true) {
            ScheduledRun run;
            synchronized (lock) {
                while (ready.isEmpty()) {
                    if (!waitQuietly(0)) return;
                }
                run = ready.pollFirst();
            }
            boolean again = run.slice();
            synchronized (lock) {
                if (again) {
                    ready.addLast(run);
                } else {
                    active.remove(run);
                    ScheduledRun next = waiting.pollFirst();
                    if (next != null) {
                        activate(next);
                        tellPositions();
                    }
                }
                lock.notifyAll();
            }
        }
    }

    /**
     * Caller holds the lock. A new run takes the next turn rather than the last: its first epoch (the student's
     * first sign of life) then comes after one slice instead of one slice of every active run; afterwards it
     * queues at the back like the others.
     */
    private void activate(ScheduledRun run) {
        active.add(run);
        ready.addFirst(run);
        lock.notifyAll();
    }

    /** Caller holds the lock; listeners only enqueue a message, so calling them here is cheap. */
    private void tellPositions() {
        int position = 1;
        for (ScheduledRun run : waiting) {
            run.listener().queued(position++);
        }
    }

    /** Caller holds the lock. Returns false when the thread was interrupted (the pool is closing). */
    private boolean waitQuietly(long untilNanos) {
        try {
            long ms = untilNanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNanos - clock.getAsLong()));
            lock.wait(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
