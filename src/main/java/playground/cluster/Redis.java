package playground.cluster;

import java.net.URI;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Connecting to the cluster's Redis ({@code REDIS_URL}) and the one-time setup both roles need. */
public final class Redis {
    private Redis() {}

    /** A pool big enough that a class pressing Run at once waits on Redis, not on connections. */
    public static UnifiedJedis connect(String url) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        return new JedisPooled(pool, URI.create(url), 5_000);
    }

    /** Creates the job stream and its consumer group unless another process already did. */
    static void ensureGroup(UnifiedJedis redis) {
        try {
            redis.xgroupCreate(Keys.JOBS, Keys.GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) throw e;
        }
    }
}
