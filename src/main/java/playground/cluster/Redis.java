package playground.cluster;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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
        return connect(url, false);
    }

    /**
     * @param selfSigned a {@code rediss://} server whose certificate cannot be checked is accepted
     *                   ({@code PG_REDIS_SELF_SIGNED=true}: Heroku's Redis has a self-signed certificate and Heroku
     *                   tells clients to skip the check; the connection is encrypted but the server not authenticated)
     */
    public static UnifiedJedis connect(String url, boolean selfSigned) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        URI uri = URI.create(url);
        if (!selfSigned) return new JedisPooled(pool, uri, 5_000);
        return new JedisPooled(pool, uri, 5_000, trustingContext().getSocketFactory(), new SSLParameters(),
                (host, session) -> true);
    }

    private static SSLContext trustingContext() {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) { }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
    }

    /** How many runs workers have taken over from workers that stopped answering (the cluster benchmark's figure). */
    public static long takeOvers(UnifiedJedis redis) {
        String count = redis.get(Keys.CLAIMED);
        return count == null ? 0 : Long.parseLong(count);
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
