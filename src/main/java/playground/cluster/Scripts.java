package playground.cluster;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The two steps of the fleet's fair queue that must be atomic, as Lua run inside Redis. A browser has at most one
 * entry in the job stream; its other runs wait in its own list and the next one joins the end of the stream when a
 * worker takes the current one, so browsers take turns round-robin however many runs each starts.
 */
final class Scripts {
    private Scripts() {}

    /** What {@link #admit} answers. */
    enum Admission { OK, RATE_LIMITED, BUSY, BROWSER_BUSY }

    private static final String ADMIT = """
            local starts = redis.call('INCR', KEYS[5])
            if starts == 1 then redis.call('EXPIRE', KEYS[5], 120) end
            if starts > tonumber(ARGV[7]) then return {'RATE_LIMITED', 0} end
            if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[5]) then return {'BUSY', 0} end
            if redis.call('LLEN', KEYS[3]) >= tonumber(ARGV[6]) then return {'BROWSER_BUSY', 0} end
            redis.call('HSET', KEYS[2], 'browser', ARGV[2], 'doc', ARGV[3], 'plane', ARGV[4])
            redis.call('EXPIRE', KEYS[2], ARGV[8])
            redis.call('SET', KEYS[6], '1', 'EX', ARGV[9])
            if redis.call('SET', KEYS[4], ARGV[1], 'NX', 'EX', ARGV[8]) then
              redis.call('XADD', KEYS[1], '*', 'run', ARGV[1], 'browser', ARGV[2])
            else
              redis.call('RPUSH', KEYS[3], ARGV[1])
              redis.call('EXPIRE', KEYS[3], ARGV[8])
            end
            local pending = redis.call('XPENDING', KEYS[1], ARGV[10])[1]
            return {'OK', redis.call('XLEN', KEYS[1]) - pending}
            """;

    private static final String PROMOTE = """
            if redis.call('HSETNX', KEYS[1], 'promoted', '1') == 0 then return 0 end
            local next = redis.call('LPOP', KEYS[2])
            if next then
              redis.call('XADD', KEYS[4], '*', 'run', next, 'browser', ARGV[1])
              redis.call('EXPIRE', KEYS[3], ARGV[2])
            else
              redis.call('DEL', KEYS[3])
            end
            return 1
            """;

    /** The admission's answer and, when admitted, the runs ahead of it in the job stream (itself included). */
    record Admitted(Admission answer, long position) {}

    /**
     * Counts the start, checks the fleet's queue and the browser's waiting runs, stores the run and queues it
     * (in the job stream, or behind the browser's queued run).
     */
    static Admitted admit(UnifiedJedis redis, String run, String browser, String document, boolean plane,
                          long maxJobs, int maxWaiting, int startsPerMinute, long minute) {
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) redis.eval(ADMIT,
                List.of(Keys.JOBS, Keys.run(run), Keys.waiting(browser), Keys.queued(browser),
                        Keys.starts(browser, minute), Keys.lease(run)),
                List.of(run, browser, document, plane ? "1" : "0", String.valueOf(maxJobs), String.valueOf(maxWaiting),
                        String.valueOf(startsPerMinute), String.valueOf(Keys.RUN_SECONDS),
                        String.valueOf(Keys.LEASE_SECONDS), Keys.GROUP));
        return new Admitted(Admission.valueOf(String.valueOf(answer.get(0))), (Long) answer.get(1));
    }

    /**
     * A worker took {@code run}: the browser's next waiting run joins the job stream. Once per run, however many
     * workers take it (a run re-taken after its worker died promotes nothing again).
     */
    static void promote(UnifiedJedis redis, String run, String browser) {
        redis.eval(PROMOTE, List.of(Keys.run(run), Keys.waiting(browser), Keys.queued(browser), Keys.JOBS),
                List.of(browser, String.valueOf(Keys.RUN_SECONDS)));
    }
}
