package playground.runs;

import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's limits, each overridable through the environment (README lists them). Immutable.
 *
 * @param workers           threads that train (default: the number of cores)
 * @param maxActive         runs sharing the workers round-robin at once; more wait in the queue
 * @param queueCapacity     runs that may wait; one more answers {@code busy}
 * @param costBudget        largest accepted cost estimate (≈ 6 × parameters × rows × epochs)
 * @param deadline          wall-clock limit of one run once it has started
 * @param socketsPerBrowser open training sockets per browser cookie
 * @param startsPerMinute   runs one browser may start per minute
 * @param eventsPerSecond   most messages a socket receives per second; epochs in between are coalesced
 */
public record RunLimits(int workers, int maxActive, int queueCapacity, double costBudget, Duration deadline,
                        int socketsPerBrowser, int startsPerMinute, int eventsPerSecond) {

    public RunLimits {
        require(workers >= 1, "workers", workers);
        require(maxActive >= 1, "maxActive", maxActive);
        require(queueCapacity >= 0, "queueCapacity", queueCapacity);
        require(costBudget > 0, "costBudget", costBudget);
        require(!deadline.isNegative() && !deadline.isZero(), "deadline", deadline);
        require(socketsPerBrowser >= 1, "socketsPerBrowser", socketsPerBrowser);
        require(startsPerMinute >= 1, "startsPerMinute", startsPerMinute);
        require(eventsPerSecond >= 1, "eventsPerSecond", eventsPerSecond);
    }

    public static RunLimits defaults() {
        return new RunLimits(Runtime.getRuntime().availableProcessors(), 128, 256, 1e10,
                Duration.ofSeconds(60), 4, 30, 20);
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
                intVar(env, "PG_EVENTS_PER_SECOND", d.eventsPerSecond));
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
