package playground.runs;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sandbox's limits, each overridable through the environment (README lists them). Immutable; tests derive
 * variations with {@link #with} or the {@code with…} shorthands.
 *
 * @param workers            threads that train (default: the number of cores)
 * @param maxActive          runs sharing the workers at once; more wait in the queue
 * @param queueCapacity      runs that may wait; one more answers {@code busy}
 * @param costBudget         largest accepted estimate of a run's work, in {@link playground.engine.Footprint}'s
 *                           operations (training and validation rows, per-step overhead, test rows, the plane)
 * @param stepOps            largest accepted single step (one batch): a step cannot be interrupted, so this bounds
 *                           how long one run can hold a worker
 * @param sliceOps           work a run does per turn before the next run's turn (~20–50 ms)
 * @param heapFraction       share of the JVM's maximum heap that active runs' estimated memory may fill; runs beyond
 *                           it wait in the queue
 * @param runBytes           largest accepted estimated memory of one run (at most a third of the heap budget)
 * @param deadline           wall-clock limit of one run once it has started
 * @param socketsPerBrowser  open training sockets per browser cookie
 * @param socketsPerAddress  open training sockets per client address (a classroom shares one, so generous)
 * @param maxSockets         open training sockets in all
 * @param startsPerMinute    runs one browser may start per minute
 * @param previewsPerMinute  summaries ({@code POST /api/summary}) one browser may ask for per minute
 * @param httpRuns           runs over {@code POST /api/train} in progress at once, so they can't take Jetty's threads
 * @param eventsPerSecond    most messages a socket receives per second; epochs in between are coalesced
 * @param pingInterval       how often the server pings each socket, inside the PaaS router's 55 s idle window; a
 *                           socket that answers neither of two pings in a row is dropped
 * @param idleTimeout        a socket with no traffic at all for this long is closed
 */
public record RunLimits(int workers, int maxActive, int queueCapacity, double costBudget, long stepOps,
                        long sliceOps, double heapFraction, long runBytes, Duration deadline,
                        int socketsPerBrowser, int socketsPerAddress, int maxSockets, int startsPerMinute,
                        int previewsPerMinute, int httpRuns, int eventsPerSecond, Duration pingInterval,
                        Duration idleTimeout) {

    public RunLimits {
        require(workers >= 1, "workers", workers);
        require(maxActive >= 1, "maxActive", maxActive);
        require(queueCapacity >= 0, "queueCapacity", queueCapacity);
        require(costBudget > 0, "costBudget", costBudget);
        require(stepOps > 0, "stepOps", stepOps);
        require(sliceOps > 0, "sliceOps", sliceOps);
        require(heapFraction > 0 && heapFraction <= 1, "heapFraction", heapFraction);
        require(runBytes > 0, "runBytes", runBytes);
        require(positive(deadline), "deadline", deadline);
        require(socketsPerBrowser >= 1, "socketsPerBrowser", socketsPerBrowser);
        require(socketsPerAddress >= socketsPerBrowser, "socketsPerAddress", socketsPerAddress);
        require(maxSockets >= 1, "maxSockets", maxSockets);
        require(startsPerMinute >= 1, "startsPerMinute", startsPerMinute);
        require(previewsPerMinute >= 1, "previewsPerMinute", previewsPerMinute);
        require(httpRuns >= 1, "httpRuns", httpRuns);
        require(eventsPerSecond >= 1, "eventsPerSecond", eventsPerSecond);
        require(positive(pingInterval), "pingInterval", pingInterval);
        require(positive(idleTimeout), "idleTimeout", idleTimeout);
    }

    public static RunLimits defaults() {
        // work in Footprint's units (2e9–1e10 a second): a run of at most a few seconds of one worker, a step of well
        // under a second, turns of ~10–30 ms
        return new RunLimits(Runtime.getRuntime().availableProcessors(), 128, 256, 2e10, 1_000_000_000L,
                60_000_000L, 0.4, 64L << 20, Duration.ofSeconds(60), 4, 256, 1000, 30, 120, 8, 20,
                Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    /** Defaults overridden by {@code PG_WORKERS}, {@code PG_MAX_ACTIVE}, {@code PG_QUEUE}, … (see README). */
    public static RunLimits fromEnvironment(Map<String, String> env) {
        Env e = new Env(env);
        return defaults().with(b -> {
            b.workers = e.integer("PG_WORKERS", b.workers);
            b.maxActive = e.integer("PG_MAX_ACTIVE", b.maxActive);
            b.queueCapacity = e.integer("PG_QUEUE", b.queueCapacity);
            b.costBudget = e.number("PG_COST_BUDGET", b.costBudget);
            b.stepOps = (long) e.number("PG_STEP_OPS", b.stepOps);
            b.sliceOps = (long) e.number("PG_SLICE_OPS", b.sliceOps);
            b.heapFraction = e.number("PG_HEAP_FRACTION", b.heapFraction);
            b.runBytes = (long) e.number("PG_RUN_MB", b.runBytes >> 20) << 20;
            b.deadline = Duration.ofSeconds(e.integer("PG_DEADLINE_SECONDS", (int) b.deadline.toSeconds()));
            b.socketsPerBrowser = e.integer("PG_SOCKETS_PER_BROWSER", b.socketsPerBrowser);
            b.socketsPerAddress = e.integer("PG_SOCKETS_PER_ADDRESS", b.socketsPerAddress);
            b.maxSockets = e.integer("PG_MAX_SOCKETS", b.maxSockets);
            b.startsPerMinute = e.integer("PG_STARTS_PER_MINUTE", b.startsPerMinute);
            b.previewsPerMinute = e.integer("PG_PREVIEWS_PER_MINUTE", b.previewsPerMinute);
            b.httpRuns = e.integer("PG_HTTP_RUNS", b.httpRuns);
            b.eventsPerSecond = e.integer("PG_EVENTS_PER_SECOND", b.eventsPerSecond);
            b.pingInterval = Duration.ofSeconds(e.integer("PG_PING_SECONDS", (int) b.pingInterval.toSeconds()));
            b.idleTimeout = Duration.ofSeconds(e.integer("PG_IDLE_SECONDS", (int) b.idleTimeout.toSeconds()));
        });
    }

    /** The estimated memory all active runs together may take: {@code heapFraction} of the JVM's maximum heap. */
    public long heapBudget() {
        return (long) (heapFraction * Runtime.getRuntime().maxMemory());
    }

    /** The largest run admitted: {@code runBytes}, and never more than a third of the heap budget. */
    public long runBytesLimit() {
        return Math.min(runBytes, heapBudget() / 3);
    }

    /** These limits with some changed: {@code limits.with(b -> b.workers = 1)}. */
    public RunLimits with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    public RunLimits withWorkers(int n) {
        return with(b -> b.workers = n);
    }

    public RunLimits withQueue(int active, int waiting) {
        return with(b -> {
            b.maxActive = active;
            b.queueCapacity = waiting;
        });
    }

    public RunLimits withCostBudget(double budget) {
        return with(b -> b.costBudget = budget);
    }

    public RunLimits withDeadline(Duration limit) {
        return with(b -> b.deadline = limit);
    }

    public RunLimits withStartsPerMinute(int starts) {
        return with(b -> b.startsPerMinute = starts);
    }

    public RunLimits withEventsPerSecond(int events) {
        return with(b -> b.eventsPerSecond = events);
    }

    public RunLimits withKeepAlive(Duration ping, Duration idle) {
        return with(b -> {
            b.pingInterval = ping;
            b.idleTimeout = idle;
        });
    }

    /** A mutable copy of every limit; {@link RunLimits}'s constructor checks them again. */
    public static final class Builder {
        public int workers, maxActive, queueCapacity, socketsPerBrowser, socketsPerAddress, maxSockets,
                startsPerMinute, previewsPerMinute, httpRuns, eventsPerSecond;
        public double costBudget, heapFraction;
        public long stepOps, sliceOps, runBytes;
        public Duration deadline, pingInterval, idleTimeout;

        Builder(RunLimits l) {
            workers = l.workers;
            maxActive = l.maxActive;
            queueCapacity = l.queueCapacity;
            costBudget = l.costBudget;
            stepOps = l.stepOps;
            sliceOps = l.sliceOps;
            heapFraction = l.heapFraction;
            runBytes = l.runBytes;
            deadline = l.deadline;
            socketsPerBrowser = l.socketsPerBrowser;
            socketsPerAddress = l.socketsPerAddress;
            maxSockets = l.maxSockets;
            startsPerMinute = l.startsPerMinute;
            previewsPerMinute = l.previewsPerMinute;
            httpRuns = l.httpRuns;
            eventsPerSecond = l.eventsPerSecond;
            pingInterval = l.pingInterval;
            idleTimeout = l.idleTimeout;
        }

        RunLimits build() {
            return new RunLimits(workers, maxActive, queueCapacity, costBudget, stepOps, sliceOps, heapFraction,
                    runBytes, deadline, socketsPerBrowser, socketsPerAddress, maxSockets, startsPerMinute,
                    previewsPerMinute, httpRuns, eventsPerSecond, pingInterval, idleTimeout);
        }
    }

    /** Reads numbers from the environment, naming the variable when one is not a number. */
    public record Env(Map<String, String> env) {
        public int integer(String name, int fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) return fallback;
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was: " + value);
            }
        }

        public double number(String name, double fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) return fallback;
            try {
                return Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was: " + value);
            }
        }
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean rule, String name, Object value) {
        if (!rule) throw new IllegalArgumentException("RunLimits." + name + " out of range: " + value);
    }
}
