package playground.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import playground.document.RunSpec;

/**
 * Trains many runs on a fixed pool of worker threads, fairly. A turn is a slice of bounded work
 * ({@link RunLimits#sliceOps}), never a whole epoch, so no run holds a worker for long. Turns go to owners (a browser),
 * not to runs: the owner whose runs have had the least work goes next, so four runs from one browser share one
 * owner's turn. An owner's work is remembered for a while after its runs end, so cancelling and starting again does
 * not jump the queue; a newcomer starts level with the least-served owner and gets one of the next turns.
 *
 * <p>At most {@code maxActive} runs take turns, and only while their estimated memory fits the heap budget; the rest
 * wait in a bounded queue, browsers with fewer active runs first, and hear their position whenever it changes. Workers survive anything a
 * run throws. Thread-safe.
 */
public final class Scheduler implements AutoCloseable {
    /** What a student reads when the server restarts under their run (RELIABILITY 10). */
    public static final String SHUTTING_DOWN_MESSAGE =
            "서버가 다시 시작되는 중입니다. 잠시 후 페이지가 다시 연결되면 실행을 눌러 주세요.";
    /** How long an owner's past work counts against it after its last run ended. */
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(2);
    /** A run estimated at most this fraction of the heap budget is small (see {@link #fits}). */
    private static final int SMALL_RUN_SHARE = 64;

    private final RunLimits limits;
    private final LongSupplier clock;
    private final long heapBudget;
    private final Object lock = new Object();
    /** Owners with an active run, and owners remembered after their runs ended. */
    private final Map<String, Owner> owners = new HashMap<>();
    /** Owners with an active run, in the order they became active (ties go to the earlier). */
    private final List<Owner> busy = new ArrayList<>();
    /** Runs not yet active, in arrival order. */
    private final ArrayDeque<ScheduledRun> waiting = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final AtomicLong anonymous = new AtomicLong();
    private int activeRuns;
    private long activeBytes;
    /** The least work of any busy owner, never decreasing: where a newcomer starts. */
    private long virtualTime;
    private long lastForget;
    /** Turns handed out so far: each owner's last one orders owners of equal work. */
    private long turns;
    private boolean accepting = true;

    public Scheduler(RunLimits limits) {
        this(limits, System::nanoTime);
    }

    Scheduler(RunLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        this.heapBudget = limits.heapBudget();
        for (int i = 0; i < limits.workers(); i++) {
            Thread worker = new Thread(this::work, "trainer-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            liveWorkers.incrementAndGet();
            worker.start();
        }
    }

    /** A run with an owner of its own (tests, the command line). */
    public ScheduledRun submit(RunSpec spec, long seed, RunListener listener) throws SchedulerBusyException {
        return submit(spec, RunResources.of(spec), "run-" + anonymous.incrementAndGet(), seed, listener, false);
    }

    /** A Keras run: see {@link #submit(Work, RunResources, String, long, RunListener)}. */
    public ScheduledRun submit(RunSpec spec, RunResources resources, String owner, long seed, RunListener listener,
                               boolean wantsPlane) throws SchedulerBusyException {
        return submit(new KerasWork(spec, seed, clock, wantsPlane), resources, owner, listener);
    }

    /**
     * Accepts a validated, admitted run. The listener hears {@code queued} first when the run has to wait.
     *
     * @param owner      whose turn this run shares (a browser)
     * @throws SchedulerBusyException when the queue is full or the scheduler is shutting down
     */
    ScheduledRun submit(Work work, RunResources resources, String owner, RunListener listener)
            throws SchedulerBusyException {
        ScheduledRun run = new ScheduledRun(work, resources, owner, listener, limits.deadline().toNanos(), clock);
        int position;
        synchronized (lock) {
            if (!accepting) {
                throw new SchedulerBusyException("shutting_down", SHUTTING_DOWN_MESSAGE);
            }
            if (waiting.isEmpty() && fits(run)) {
                activate(run);
                return run;
            }
            if (waiting.size() >= limits.queueCapacity()) {
                throw new SchedulerBusyException("busy", String.format(
                        "지금 학습을 기다리는 사람이 너무 많습니다 (대기열 %d명이 가득 찼습니다). 잠시 후 다시 실행해 주세요.",
                        limits.queueCapacity()));
            }
            waiting.addLast(run);
            activateWaiting();  // a small run may start where the first in line does not fit yet
            if (!waiting.contains(run)) return run;
            position = inLine().indexOf(run) + 1;
        }
        listener.queued(position);
        return run;
    }

    /** Runs that hold or wait for a worker's turn. */
    public int activeCount() {
        synchronized (lock) {
            return activeRuns;
        }
    }

    public int queuedCount() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Estimated heap held by the active runs, against {@link #heapBudget()}. */
    public long activeBytes() {
        synchronized (lock) {
            return activeBytes;
        }
    }

    public long heapBudget() {
        return heapBudget;
    }

    /** Worker threads alive now; fewer than started would mean lost capacity (it should never happen). */
    public int workerCount() {
        return liveWorkers.get();
    }

    /**
     * Stops accepting runs and stops every run with {@code shutting_down}, then waits up to {@code timeoutMs}
     * for the workers to report it.
     */
    public void shutdown(long timeoutMs) {
        List<ScheduledRun> stillWaiting;
        synchronized (lock) {
            accepting = false;
            for (Owner o : busy) o.runs.forEach(run -> run.stopWith(ScheduledRun.StopReason.SHUTTING_DOWN));
            stillWaiting = new ArrayList<>(waiting);
            waiting.clear();
        }
        stillWaiting.forEach(run -> {
            run.stopWith(ScheduledRun.StopReason.SHUTTING_DOWN);
            run.abandon();
        });
        long until = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock) {
            while (activeRuns > 0 && clock.getAsLong() < until) {
                waitQuietly(until);
            }
        }
    }

    @Override
    public void close() {
        shutdown(2_000);
        workers.forEach(Thread::interrupt);
    }

    /** A waiting run that is cancelled leaves the queue at once; an active one stops at its next turn. */
    public void cancel(ScheduledRun run) {
        run.cancel();
        boolean removed;
        synchronized (lock) {
            removed = waiting.remove(run);
            if (removed) {
                activateWaiting();
                tellPositions();
            }
        }
        if (removed) run.abandon();
    }

    private void work() {
        try {
            while (true) {
                Turn turn;
                synchronized (lock) {
                    while ((turn = nextTurn()) == null) {
                        if (!waitQuietly(0)) return;
                    }
                }
                boolean again = false;
                long before = turn.run.opsDone();
                try {
                    again = turn.run.slice(limits.sliceOps());
                } catch (Throwable e) {
                    turn.run.fail(e);  // slice catches everything; this is for what its own handler threw
                }
                long used = Math.max(1, turn.run.opsDone() - before);
                synchronized (lock) {
                    endTurn(turn, again, used);
                    lock.notifyAll();
                }
            }
        } finally {
            liveWorkers.decrementAndGet();
        }
    }

    /** One run on a worker, taken from its owner's runs. */
    private record Turn(Owner owner, ScheduledRun run) {}

    /**
     * Caller holds the lock. The least-served owner with a run ready goes next; an owner already on a worker only
     * when nobody else is ready (a lone owner may use both workers, but never crowds out another).
     */
    private Turn nextTurn() {
        Owner best = null;
        for (Owner o : busy) {
            if (o.ready.isEmpty()) continue;
            if (best == null || better(o, best)) best = o;
        }
        if (best == null) return null;
        best.onWorker++;
        best.lastTurn = ++turns;
        return new Turn(best, best.ready.pollFirst());
    }

    /** Less work first; between equals, the one whose last turn is longer ago (a newcomer has had none). */
    private static boolean better(Owner a, Owner b) {
        if ((a.onWorker == 0) != (b.onWorker == 0)) return a.onWorker == 0;
        if (a.work != b.work) return a.work < b.work;
        return a.lastTurn < b.lastTurn;
    }

    /** Caller holds the lock. */
    private void endTurn(Turn turn, boolean again, long used) {
        Owner o = turn.owner;
        o.onWorker--;
        o.work += used;
        if (again) {
            o.ready.addLast(turn.run);
            advanceVirtualTime();
            return;
        }
        o.runs.remove(turn.run);
        activeRuns--;
        activeBytes -= turn.run.resources().bytes();
        if (o.runs.isEmpty()) {
            busy.remove(o);
            o.idleSince = clock.getAsLong();
        }
        advanceVirtualTime();
        if (activateWaiting()) tellPositions();
    }

    /** Caller holds the lock. */
    private void advanceVirtualTime() {
        long least = Long.MAX_VALUE;
        for (Owner o : busy) least = Math.min(least, o.work);
        if (least != Long.MAX_VALUE) virtualTime = Math.max(virtualTime, least);
    }

    /**
     * Caller holds the lock. A run may become active while there is room and its memory fits the budget. Big runs
     * may fill only four fifths of it: the rest is kept for small ones (the notes' runs take well under a
     * megabyte), so heavy runs from a few browsers cannot keep a class waiting for memory.
     */
    private boolean fits(ScheduledRun run) {
        long bytes = run.resources().bytes();
        long limit = bytes <= heapBudget / SMALL_RUN_SHARE ? heapBudget : heapBudget / 5 * 4;
        return activeRuns < limits.maxActive() && (activeRuns == 0 || activeBytes + bytes <= limit);
    }

    /**
     * Caller holds the lock. Activates waiting runs while any fits, the fairest first: a browser with fewer active
     * runs, then with less work, then the earlier arrival. So one browser's queue of heavy runs cannot keep a
     * classmate's small run waiting behind it. True when any run started.
     */
    private boolean activateWaiting() {
        boolean any = false;
        while (true) {
            ScheduledRun next = null;
            for (ScheduledRun run : waiting) {
                if (fits(run) && (next == null || IN_LINE.compare(run, next) < 0)) next = run;
            }
            if (next == null) return any;
            waiting.remove(next);
            activate(next);
            any = true;
        }
    }

    /** Caller holds the lock. The waiting runs in the order they will start, as far as memory allows. */
    private List<ScheduledRun> inLine() {
        List<ScheduledRun> line = new ArrayList<>(waiting);
        line.sort(IN_LINE);  // stable: arrival order between equals
        return line;
    }

    /** Caller holds the lock while it compares: an owner's active runs, then its work. */
    private final java.util.Comparator<ScheduledRun> IN_LINE = java.util.Comparator
            .<ScheduledRun>comparingInt(run -> owner(run).runs.size())
            .thenComparingLong(run -> owner(run).work);

    private Owner owner(ScheduledRun run) {
        Owner o = owners.get(run.owner());
        return o != null ? o : NOBODY;
    }

    /** An owner not seen lately: no runs, no work. */
    private static final Owner NOBODY = new Owner();

    /** Caller holds the lock. */
    private void activate(ScheduledRun run) {
        forgetIdleOwners();
        Owner o = owners.computeIfAbsent(run.owner(), name -> new Owner());
        if (o.runs.isEmpty()) {
            o.work = Math.max(o.work, virtualTime);
            busy.add(o);
        }
        o.runs.add(run);
        o.ready.addLast(run);
        activeRuns++;
        activeBytes += run.resources().bytes();
        lock.notifyAll();
    }

    /** Caller holds the lock. At most every few seconds, drops owners idle for longer than they are remembered. */
    private void forgetIdleOwners() {
        long now = clock.getAsLong();
        if (now - lastForget < TimeUnit.SECONDS.toNanos(5)) return;
        lastForget = now;
        for (Iterator<Owner> it = owners.values().iterator(); it.hasNext(); ) {
            Owner o = it.next();
            if (o.runs.isEmpty() && now - o.idleSince > REMEMBER_NANOS) it.remove();
        }
    }

    /** Caller holds the lock; listeners only enqueue a message, so calling them here is cheap. */
    private void tellPositions() {
        int position = 1;
        for (ScheduledRun run : inLine()) {
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

    /** A browser as the scheduler sees it: its active runs, those ready for a turn, and the work they have had. */
    private static final class Owner {
        final List<ScheduledRun> runs = new ArrayList<>();
        final ArrayDeque<ScheduledRun> ready = new ArrayDeque<>();
        int onWorker;
        long work;
        long lastTurn;
        long idleSince;
    }
}
