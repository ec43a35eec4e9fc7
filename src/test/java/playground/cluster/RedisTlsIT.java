package playground.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import playground.loadtest.FleetRequirement;
import playground.loadtest.RedisServer;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** A {@code rediss://} Redis with a self-signed certificate, as Heroku's: refused by default, used when told to. */
class RedisTlsIT {
    @Test
    void aSelfSignedRedisIsRefusedUnlessPgRedisSelfSignedSaysOtherwise() throws Exception {
        FleetRequirement.check();
        try (RedisServer server = RedisServer.startTls(Files.createTempDirectory("pg-tls"))) {
            String url = "rediss://127.0.0.1:" + server.port();
            try (UnifiedJedis checked = Redis.connect(url)) {
                assertThrows(JedisConnectionException.class, checked::ping, "an unknown certificate is refused");
            }
            try (UnifiedJedis trusting = Redis.connect(url, true)) {
                assertEquals("PONG", trusting.ping());
                Redis.ensureGroup(trusting);
                assertEquals(1, trusting.xinfoGroups(Keys.JOBS).size());
            }
        }
    }
}
