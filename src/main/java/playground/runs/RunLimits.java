package playground.runs;

import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's limits, each overridable through the environment (README lists them). Immutable; tests
 * derive variations with the {@code with…} methods.
 *
 * @param workers           threads that train (default: the number of cores)
 * @param maxActive         runs sharing the workers round-robin at once; more wait in the queue
 * @param queueCapacity     runs that may wait; one more answers {@code busy}
 * @param costBudget        largest accepted cost estimate (≈ 6 × parameters × rows × epochs)
 * @param deadline          wall-clock limit of one run once it has started
 * @param socketsPerBrowser open training sockets per browser cookie
 * @param startsPerMinute   runs one browser may start per minute
 * @param eventsPerSecond   most messages a socket receives per second; epochs in between are coalesced
 * @param pingInterval      how often the server pings each socket, inside the PaaS router's 55 s idle window; a
 *                          socket that answers neither of two pings in a row is dropped
 * @param idleTimeout       a socket with no traffic at all for this long is closed
 */
public record RunLimits(int workers, int maxActive, int queueCapacity, double costBudget, Duration deadline,
                        int socketsPerBrowser, int startsPerMinute, int eventsPerSecond,
                        Duration pingInterval, Duration idleTimeout) {

    public RunLimits {
        require(workers >= 1, "workers", workers);
        require(maxActive >= 1, "maxActive", maxActive);
        require(queueCapacity >= 0, "queueCapacity", queueCapacity);
        require(costBudget > 0, "costBudget", costBudget);
        require(positive(deadline), "deadline", deadline);
        require(socketsPerBrowser >= 1, "socketsPerBrowser", socketsPerBrowser);
        require(startsPerMinute >= 1, "startsPerMinute", startsPerMinute);
        require(eventsPerSecond >= 1, "eventsPerSecond", eventsPerSecond);
        require(positive(pingInterval), "pingInterval", pingInterval);
        require(positive(idleTimeout), "idleTimeout", idleTimeout);
    }

    public static RunLimits defaults() {
        return new RunLimits(Runtime.getRuntime().availableProcessors(), 128, 256, 1e10, Duration.ofSeconds(60),
                4, 30, 20, Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    /** Defaults overridden by {@code PG_WORKERS}, {@code PG_MAX_ACTIVE}, {@code PG_QUEUE}, … (see README). */
    public static RunLimits fromEnvironment(Map<String, String> env) {
        RunLimits d = defaults();
        return new RunLimits(
                intVar(env, "PG_WORKERS", d.workers),
                intVar(env, "PG_MAX_ACTIVE", d.maxActive),
                intVar(env, "PG_QUEUE", d.queueCapacity),
                Double.parseDouble(env.getOrDefault("PG_COST_BUDGET", String.valueOf(d.costBudget))),
                Duration.ofSeconds(intVar(env, "PG_DEADLINE_SECONDS", (int) d.deadline.toSeconds())),
                intVar(env, "PG_SOCKETS_PER_BROWSER", d.socketsPerBrowser),
                intVar(env, "PG_STARTS_PER_MINUTE", d.startsPerMinute),
                intVar(env, "PG_EVENTS_PER_SECOND", d.eventsPerSecond),
                Duration.ofSeconds(intVar(env, "PG_PING_SECONDS", (int) d.pingInterval.toSeconds())),
                Duration.ofSeconds(intVar(env, "PG_IDLE_SECONDS", (int) d.idleTimeout.toSeconds())));
    }

    public RunLimits withWorkers(int n) {
        return new RunLimits(n, maxActive, queueCapacity, costBudget, deadline, socketsPerBrowser, startsPerMinute,
                eventsPerSecond, pingInterval, idleTimeout);
    }

    public RunLimits withQueue(int active, int waiting) {
        return new RunLimits(workers, active, waiting, costBudget, deadline, socketsPerBrowser, startsPerMinute,
                eventsPerSecond, pingInterval, idleTimeout);
    }

    public RunLimits withCostBudget(double budget) {
        return new RunLimits(workers, maxActive, queueCapacity, budget, deadline, socketsPerBrowser, startsPerMinute,
                eventsPerSecond, pingInterval, idleTimeout);
    }

    public RunLimits withDeadline(Duration limit) {
        return new RunLimits(workers, maxActive, queueCapacity, costBudget, limit, socketsPerBrowser, startsPerMinute,
                eventsPerSecond, pingInterval, idleTimeout);
    }

    public RunLimits withStartsPerMinute(int starts) {
        return new RunLimits(workers, maxActive, queueCapacity, costBudget, deadline, socketsPerBrowser, starts,
                eventsPerSecond, pingInterval, idleTimeout);
    }

    public RunLimits withEventsPerSecond(int events) {
        return new RunLimits(workers, maxActive, queueCapacity, costBudget, deadline, socketsPerBrowser, startsPerMinute,
                events, pingInterval, idleTimeout);
    }

    public RunLimits withKeepAlive(Duration ping, Duration idle) {
        return new RunLimits(workers, maxActive, queueCapacity, costBudget, deadline, socketsPerBrowser, startsPerMinute,
                eventsPerSecond, ping, idle);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + value);
        }
    }

    private static void require(boolean rule, String name, Object value) {
        if (!rule) throw new IllegalArgumentException("RunLimits." + name + " out of range: " + value);
    }
}
