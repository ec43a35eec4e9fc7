package playground.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.HexFormat;
import playground.runs.RunLimits;
import playground.runs.RunRefusedException;
import playground.runs.Sandbox;
import playground.server.RemoteRuns;
import redis.clients.jedis.UnifiedJedis;

/**
 * A web process's side of the cluster ({@code PG_ROLE=web}): checks a run as the in-process sandbox would, admits it
 * into the fleet's queue in Redis (starts per minute and queue lengths counted there, across every web process), and
 * has the socket follow the run's event stream, whoever trains it. A run is its owner's: only the browser that
 * started it may resume it. Thread-safe.
 */
public final class ClusterRuns implements RemoteRuns, AutoCloseable {
    static final String NOT_FOUND = "이어서 받을 학습을 찾을 수 없습니다. 실행을 다시 눌러 주세요.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UnifiedJedis redis;
    private final Sandbox sandbox;
    private final RunLimits limits;
    private final RunFollowers followers;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sandbox checks documents (its scheduler trains nothing here) */
    public ClusterRuns(UnifiedJedis redis, Sandbox sandbox) {
        this.redis = redis;
        this.sandbox = sandbox;
        this.limits = sandbox.limits();
        this.followers = new RunFollowers(redis, limits.eventsPerSecond());
        Redis.ensureGroup(redis);
    }

    @Override
    public Watch start(JsonNode config, boolean wantsPlane, String browser, Sink sink) throws RunRefusedException {
        sandbox.check(config, browser);
        String run = HexFormat.of().formatHex(randomBytes());
        Scripts.Admitted admitted = Scripts.admit(redis, run, browser, config.toString(), wantsPlane,
                limits.maxActive() + limits.queueCapacity(), limits.socketsPerBrowser(), limits.startsPerMinute(),
                System.currentTimeMillis() / 60_000);
        switch (admitted.answer()) {
            case RATE_LIMITED -> throw new RunRefusedException("rate_limited", String.format(
                    "1분에 %d번까지 실행할 수 있습니다. 잠시 기다렸다가 다시 실행해 주세요.", limits.startsPerMinute()), null);
            case BUSY -> throw new RunRefusedException("busy",
                    "지금 학습을 기다리는 사람이 너무 많습니다. 잠시 후 다시 실행해 주세요.", null);
            case BROWSER_BUSY -> throw new RunRefusedException("busy", String.format(
                    "이 브라우저의 학습이 이미 %d개 기다리고 있습니다. 하나가 끝난 뒤 다시 실행해 주세요.",
                    limits.socketsPerBrowser()), null);
            case OK -> { }
        }
        sink.send(json.createObjectNode().put("type", "run").put("run", run));
        sink.send(json.createObjectNode().put("type", "queued").put("position", Math.max(1, admitted.position())));
        return followers.follow(run, 0, sink, () -> stop(run));
    }

    @Override
    public Watch resume(String run, long last, String browser, Sink sink) throws RunRefusedException {
        // another browser's run answers as one that does not exist, so a guessed id tells nothing
        if (!Keys.RUN_ID.matcher(run).matches() || !browser.equals(redis.hget(Keys.run(run), "browser"))) {
            throw new RunRefusedException("not_found", NOT_FOUND, "run");
        }
        redis.setex(Keys.lease(run), Keys.LEASE_SECONDS, "1");
        return followers.follow(run, Math.max(0, last), sink, () -> stop(run));
    }

    /** The key for a worker that takes the run later or missed the message; the message for the one training it now. */
    private void stop(String run) {
        redis.setex(Keys.stop(run), Keys.RUN_SECONDS, "1");
        redis.publish(Keys.STOPS, run);
    }

    /** Sockets following a run here (tests). */
    int following() {
        return followers.following();
    }

    @Override
    public void close() {
        followers.close();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
