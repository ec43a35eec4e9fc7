package playground.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import playground.loadtest.FleetRequirement;
import playground.loadtest.RedisServer;
import redis.clients.jedis.UnifiedJedis;

/** A run's event stream in a real Redis: capped, expiring, and never given an event twice. */
class EventWriterIT {
    @Test
    void aRunsStreamIsCappedExpiresAndRefusesAnEventItAlreadyHas() throws Exception {
        FleetRequirement.check();
        try (RedisServer server = RedisServer.start(Files.createTempDirectory("pg-writer"));
             UnifiedJedis redis = Redis.connect(server.url());
             EventWriter writer = new EventWriter(redis)) {
            long events = Keys.EVENTS_MAXLEN + 10;
            for (long i = 1; i <= events; i++) writer.append("flood", i, "{\"type\":\"epoch\",\"epoch\":" + i + "}");
            writer.append("flood", 7, "{\"type\":\"epoch\",\"epoch\":-1}");  // a second writer's late copy
            long until = System.nanoTime() + 10_000_000_000L;
            while (!redis.exists(Keys.events("flood")) || redis.xrevrange(Keys.events("flood"), "+", "-", 1).get(0)
                    .getID().getTime() < events) {
                assertTrue(System.nanoTime() < until, "the writer wrote within 10 s");
                Thread.sleep(20);
            }
            assertEquals(Keys.EVENTS_MAXLEN, redis.xlen(Keys.events("flood")), "capped at MAXLEN");
            long ttl = redis.ttl(Keys.events("flood"));
            assertTrue(ttl > 0 && ttl <= Keys.RUN_SECONDS, "expires: ttl " + ttl);
            assertEquals(events, redis.xrevrange(Keys.events("flood"), "+", "-", 1).get(0).getID().getTime());
            assertTrue(redis.xrange(Keys.events("flood"), "-", "+").stream()
                    .noneMatch(e -> e.getFields().get("e").contains("-1")), "the late copy was refused");
        }
    }
}
