package playground.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import playground.loadtest.FleetRequirement;
import playground.loadtest.RedisServer;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/** The fleet's fair queue, in a real Redis: what one browser, or a hostile one, can put into it. */
class ClusterQueueIT {
    private static RedisServer server;
    private static UnifiedJedis redis;

    @BeforeAll
    static void start() throws Exception {
        FleetRequirement.check();
        server = RedisServer.start(Files.createTempDirectory("pg-queue"));
        redis = Redis.connect(server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (redis != null) redis.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void empty() {
        redis.flushAll();
        Redis.ensureGroup(redis);
    }

    private static Scripts.Admission admit(String run, String browser) {
        return admit(run, browser, 100, 4, 30);
    }

    private static Scripts.Admission admit(String run, String browser, long maxJobs, int maxWaiting, int starts) {
        return Scripts.admit(redis, run, browser, "{}", false, maxJobs, maxWaiting, starts, 1).answer();
    }

    private static List<String> queuedRuns() {
        return redis.xrange(Keys.JOBS, "-", "+").stream().map(e -> e.getFields().get("run")).toList();
    }

    @Test
    void aBrowserHasOneRunInTheJobStreamAndItsNextJoinsTheEndWhenAWorkerTakesIt() {
        for (String run : List.of("a1", "a2", "a3")) assertEquals(Scripts.Admission.OK, admit(run, "alice"));
        assertEquals(Scripts.Admission.OK, admit("b1", "bob"));
        assertEquals(List.of("a1", "b1"), queuedRuns());
        assertEquals(List.of("a2", "a3"), redis.lrange(Keys.waiting("alice"), 0, -1));

        List<StreamEntry> taken = redis.xreadGroup(Keys.GROUP, "w", XReadGroupParams.xReadGroupParams().count(1),
                Map.of(Keys.JOBS, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)).get(0).getValue();
        assertEquals("a1", taken.get(0).getFields().get("run"));
        Scripts.promote(redis, "a1", "alice");
        Scripts.promote(redis, "a1", "alice");  // a re-taken run promotes nothing again
        assertEquals(List.of("a1", "b1", "a2"), queuedRuns(), "alice's next run waits behind bob's");
        assertEquals(List.of("a3"), redis.lrange(Keys.waiting("alice"), 0, -1));

        Scripts.promote(redis, "b1", "bob");
        assertTrue(!redis.exists(Keys.queued("bob")), "bob has nothing queued any more");
        assertEquals(Scripts.Admission.OK, admit("b2", "bob"));
        assertEquals(List.of("a1", "b1", "a2", "b2"), queuedRuns());
    }

    @Test
    void startsPerMinuteAreCountedAcrossWebProcesses() {
        try (UnifiedJedis otherWeb = Redis.connect(server.url())) {
            for (int i = 0; i < 5; i++) {
                UnifiedJedis web = i % 2 == 0 ? redis : otherWeb;
                assertEquals(Scripts.Admission.OK, Scripts.admit(web, "r" + i, "mallory", "{}", false, 100, 100, 5, 1)
                        .answer(), "start " + i);
            }
            assertEquals(Scripts.Admission.RATE_LIMITED,
                    Scripts.admit(otherWeb, "r5", "mallory", "{}", false, 100, 100, 5, 1).answer());
        }
        assertEquals(Scripts.Admission.RATE_LIMITED, admit("late", "mallory", 100, 100, 5));
        assertEquals(Scripts.Admission.OK, Scripts.admit(redis, "next", "mallory", "{}", false, 100, 100, 5, 2).answer(),
                "the next minute counts afresh");
    }

    @Test
    void aBrowserCannotQueueMoreThanItsShareNorTheFleetMoreThanItsQueue() {
        assertEquals(Scripts.Admission.OK, admit("m0", "mallory", 100, 2, 1000));
        assertEquals(Scripts.Admission.OK, admit("m1", "mallory", 100, 2, 1000));
        assertEquals(Scripts.Admission.OK, admit("m2", "mallory", 100, 2, 1000));
        assertEquals(Scripts.Admission.BROWSER_BUSY, admit("m3", "mallory", 100, 2, 1000));
        assertTrue(!redis.exists(Keys.run("m3")), "a refused run stores nothing");

        // the job stream holds mallory's m0; with x the fleet's queue of 2 is full
        assertEquals(Scripts.Admission.OK, admit("x", "x-browser", 2, 2, 1000));
        assertEquals(Scripts.Admission.BUSY, admit("y", "y-browser", 2, 2, 1000));
    }

    @Test
    void everythingABrowserMakesExpires() {
        admit("t0", "trudy");
        admit("t1", "trudy");
        for (String key : List.of(Keys.run("t0"), Keys.run("t1"), Keys.waiting("trudy"), Keys.queued("trudy"),
                Keys.starts("trudy", 1))) {
            long ttl = redis.ttl(key);
            assertTrue(ttl > 0 && ttl <= Keys.RUN_SECONDS, key + " expires: ttl " + ttl);
        }
        long lease = redis.ttl(Keys.lease("t0"));
        assertTrue(lease > 0 && lease <= Keys.LEASE_SECONDS, "lease ttl " + lease);
    }
}
