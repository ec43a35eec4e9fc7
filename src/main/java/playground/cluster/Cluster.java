package playground.cluster;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.data.DatasetFolder;
import playground.runs.RunLimits;
import playground.runs.Sandbox;
import playground.runs.Scheduler;
import playground.runs.Warmup;
import playground.server.TrainService;
import redis.clients.jedis.UnifiedJedis;

/**
 * The deployment that grows, from the environment: with {@code REDIS_URL} set, {@code PG_ROLE=web} (the default)
 * serves the site and admits runs into Redis, {@code PG_ROLE=worker} trains them. Without it nothing here runs.
 */
public final class Cluster {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private Cluster() {}

    /** Whether the environment asks for a cluster role at all. */
    public static boolean configured(Map<String, String> env) {
        String url = env.get("REDIS_URL");
        return url != null && !url.isBlank();
    }

    /** {@code worker} or {@code web}; anything else is a configuration mistake, said at start. */
    public static String role(Map<String, String> env) {
        String role = env.getOrDefault("PG_ROLE", "web").trim();
        if (!role.equals("web") && !role.equals("worker")) {
            throw new IllegalArgumentException("PG_ROLE must be web or worker, was: " + role);
        }
        return role;
    }

    /** The web role: the service's socket runs go to the fleet through Redis. */
    public static TrainService web(TrainService service, Map<String, String> env) {
        UnifiedJedis redis = connect(env);
        ClusterRuns runs = new ClusterRuns(redis, service.sandbox());
        LOG.info("cluster web process: runs go to the workers through Redis");
        return service.withRemoteRuns(runs);
    }

    /**
     * The worker role: trains runs until SIGTERM, which leaves its runs to the other workers. Answers
     * {@code /healthz} on {@code PORT} when one is set (a platform's worker has no router; a supervisor may ask).
     */
    public static void worker(Map<String, String> env) throws IOException {
        RunLimits limits = RunLimits.fromEnvironment(env);
        DatasetFolder courseSets = new DatasetFolder(Path.of(env.getOrDefault("CONTENT_DIR", "content")));
        courseSets.reload();
        int capacity = new RunLimits.Env(env).integer("PG_WORKER_RUNS", 64);
        long claimIdleMs = new RunLimits.Env(env).integer("PG_CLAIM_IDLE_MS", 5_000);
        Worker worker = new Worker(connect(env), new Sandbox(limits, new Scheduler(limits)),
                capacity, claimIdleMs);
        Warmup.inBackground(() -> { });  // the trainer's hot loops compiled before the first run comes
        HttpServer health = env.containsKey("PORT") ? healthServer(Integer.parseInt(env.get("PORT"))) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            if (health != null) health.stop(0);
        }, "graceful-stop"));
        LOG.info("cluster worker: up to {} runs at once, taking over runs idle for {} ms", capacity, claimIdleMs);
    }

    private static UnifiedJedis connect(Map<String, String> env) {
        return Redis.connect(env.get("REDIS_URL"), "true".equalsIgnoreCase(env.get("PG_REDIS_SELF_SIGNED")));
    }

    private static HttpServer healthServer(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/healthz", exchange -> {
            byte[] ok = "ok".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
        return server;
    }
}
