package playground.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.runs.RunRefusedException;
import playground.runs.Sandbox;
import playground.runs.ScheduledRun;
import playground.server.WireEvents;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A trainer process of the cluster ({@code PG_ROLE=worker}): takes runs from the job stream's consumer group, as many
 * as it has room for, trains them on today's fair scheduler and writes their events to their streams. Once a second it
 * tells Redis its runs are alive (re-claiming its own pending entries resets their idle time), cancels the runs whose
 * student pressed stop or left, and claims the runs of a worker whose entries went idle ({@code XAUTOCLAIM}): that
 * worker died, and its runs train again here from their seeds. Thread-safe.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    /** A run that took down this many workers (a document that exhausts the JVM) is not tried again. */
    static final int MAX_ATTEMPTS = 3;
    static final String GAVE_UP = "이 학습을 맡은 서버가 여러 번 멈춰 더 시도하지 않습니다. 모델을 줄여 다시 실행해 주세요.";

    /** A run being trained here: its job entry and, once queued on the scheduler, the run. */
    private static final class Active {
        final StreamEntryID job;
        volatile ScheduledRun run;

        Active(StreamEntryID job) {
            this.job = job;
        }
    }

    private final UnifiedJedis redis;
    private final Sandbox sandbox;
    private final int capacity;
    private final long claimIdleMs;
    private final String name;
    private final EventWriter writer;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final JedisPubSub stops = new JedisPubSub() {
        @Override
        public void onMessage(String channel, String run) {
            Active here = active.get(run);
            if (here != null && here.run != null) sandbox.cancel(here.run);
        }
    };
    /** Runs taken over by the heartbeat, for the taker to start. */
    private final Queue<StreamEntry> reclaimed = new ConcurrentLinkedQueue<>();
    private final Thread taker;
    private final Thread heartbeat;
    private volatile boolean running = true;

    /**
     * @param capacity    runs this worker trains at once (they share its scheduler's threads fairly)
     * @param claimIdleMs how long a run's entry may go without its worker's heartbeat before another worker takes it
     */
    public Worker(UnifiedJedis redis, Sandbox sandbox, int capacity, long claimIdleMs) {
        this.redis = redis;
        this.sandbox = sandbox;
        this.capacity = capacity;
        this.claimIdleMs = claimIdleMs;
        this.name = "worker-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + UUID.randomUUID();
        this.writer = new EventWriter(redis);
        Redis.ensureGroup(redis);
        this.taker = thread(this::takeLoop, "job-taker", false);  // keeps the worker's JVM alive
        this.heartbeat = thread(this::heartbeatLoop, "job-heartbeat", true);
        thread(this::stopLoop, "job-stops", true);
    }

    private static Thread thread(Runnable loop, String name, boolean daemon) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(daemon);
        thread.start();
        return thread;
    }

    private int room() {
        return capacity - active.size();
    }

    private void takeLoop() {
        while (running) {
            try {
                if (room() <= 0) {
                    Thread.sleep(20);
                    continue;
                }
                for (StreamEntry entry; (entry = reclaimed.poll()) != null; ) takeRegistered(entry, true);
                var read = redis.xreadGroup(Keys.GROUP, name, XReadGroupParams.xReadGroupParams().count(room())
                        .block(250), Map.of(Keys.JOBS, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                if (read == null) continue;
                for (var stream : read) {
                    for (StreamEntry entry : register(stream.getValue())) takeRegistered(entry, false);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                LOG.warn("taking runs from Redis failed; trying again: {}", e.toString());
                Pause.sleep(500);
            }
        }
    }

    private void heartbeatLoop() {
        while (running) {
            Pause.sleep(1000);
            try {
                keepAlive();
                claimAbandoned();
            } catch (RuntimeException e) {
                if (running) LOG.warn("the worker's heartbeat failed; trying again: {}", e.toString());
            }
        }
    }

    /** Cancels a run here the moment its student presses stop (the heartbeat's check of the stop key is the fallback). */
    private void stopLoop() {
        while (running) {
            try {
                redis.subscribe(stops, Keys.STOPS);  // returns only when the connection drops
            } catch (RuntimeException e) {
                if (running) LOG.warn("listening for stops failed; trying again: {}", e.toString());
            }
            Pause.sleep(500);
        }
    }

    /** Resets the idle time of this worker's runs, and cancels those stopped or no longer followed. */
    private void keepAlive() {
        List<Map.Entry<String, Active>> runs = new ArrayList<>(active.entrySet());
        if (runs.isEmpty()) return;
        List<Response<Boolean>> leases = new ArrayList<>();
        List<Response<Boolean>> stops = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            pipeline.xclaimJustId(Keys.JOBS, Keys.GROUP, name, 0, XClaimParams.xClaimParams(),
                    runs.stream().map(e -> e.getValue().job).toArray(StreamEntryID[]::new));
            for (var run : runs) {
                leases.add(pipeline.exists(Keys.lease(run.getKey())));
                stops.add(pipeline.exists(Keys.stop(run.getKey())));
            }
            pipeline.sync();
        }
        for (int i = 0; i < runs.size(); i++) {
            ScheduledRun run = runs.get(i).getValue().run;
            if (run != null && (!leases.get(i).get() || stops.get(i).get())) sandbox.cancel(run);
        }
    }

    /**
     * Takes over the runs of workers that stopped answering; the taker trains them, so this thread's heartbeats are
     * never late behind a batch of take-overs.
     */
    private void claimAbandoned() {
        if (room() <= 0) return;
        var claimed = redis.xautoclaim(Keys.JOBS, Keys.GROUP, name, claimIdleMs, new StreamEntryID(0, 0),
                XAutoClaimParams.xAutoClaimParams().count(room()));
        reclaimed.addAll(register(claimed.getValue()));
    }

    /**
     * Every entry of a batch joins the heartbeat at once: taking a batch is a few round trips per run, which on a busy
     * machine may add up to more than another worker waits before it takes them over.
     *
     * @return the entries this worker is not already training
     */
    private List<StreamEntry> register(List<StreamEntry> entries) {
        List<StreamEntry> mine = new ArrayList<>();
        for (StreamEntry entry : entries) {
            String run = entry.getFields().get("run");
            if (run == null) writer.acknowledge("", entry.getID(), () -> { });
            else if (active.putIfAbsent(run, new Active(entry.getID())) == null) mine.add(entry);
        }
        return mine;
    }

    private void takeRegistered(StreamEntry entry, boolean claimed) {
        String run = entry.getFields().get("run");
        try {
            take(entry, run, claimed);
        } catch (RuntimeException e) {
            active.remove(run);  // pending again: this worker or another takes it later
            throw e;
        }
    }

    /**
     * Starts one run of the job stream here, or finishes its job when there is nothing left to do.
     *
     * @param claimed taken over from a worker that stopped answering
     */
    private void take(StreamEntry entry, String run, boolean claimed) {
        Active taken = active.get(run);
        Runnable finished = () -> active.remove(run);
        Map<String, String> record = redis.hgetAll(Keys.run(run));
        if (record.get("doc") == null) {
            writer.acknowledge(run, entry.getID(), finished);  // expired or never stored: nobody waits for it
            return;
        }
        String browser = record.get("browser");
        Scripts.promote(redis, run, browser);
        long attempts = redis.hincrBy(Keys.run(run), "attempts", 1);
        List<StreamEntry> last = redis.xrevrange(Keys.events(run), "+", "-", 1);
        long written = last.isEmpty() ? 0 : last.get(0).getID().getTime();
        if (!last.isEmpty() && RunStream.FINAL.contains(typeOf(last.get(0)))) {
            writer.acknowledge(run, entry.getID(), finished);  // its worker wrote the end, then died
            return;
        }
        if (claimed) {
            redis.incr(Keys.CLAIMED);
            LOG.info("re-running run {} from its seed: its worker stopped answering", run);
        }
        RunStream stream = new RunStream(run, entry.getID(), written, writer, json, finished);
        if (attempts > MAX_ATTEMPTS) {
            stream.send(WireEvents.error("internal", GAVE_UP, null));
            return;
        }
        try {
            taken.run = sandbox.start(json.readTree(record.get("doc")), new WireEvents(stream, code -> { }),
                    "1".equals(record.get("plane")), browser);
        } catch (RunRefusedException e) {
            stream.send(WireEvents.error(e.code(), e.getMessage(), e.field()));
        } catch (Exception e) {
            stream.send(WireEvents.error("internal", "서버에서 학습 중 오류가 났습니다. 설정을 바꿔 다시 시도해 주세요.", null));
        }
    }

    private String typeOf(StreamEntry event) {
        try {
            return json.readTree(event.getFields().get("e")).path("type").asText();
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * Graceful stop: takes no more runs; the runs here end as {@code shutting_down}, which is not written, so they stay
     * pending and another worker re-runs them.
     */
    @Override
    public void close() {
        running = false;
        taker.interrupt();
        heartbeat.interrupt();
        if (stops.isSubscribed()) stops.unsubscribe();
        sandbox.scheduler().shutdown(3_000);
        sandbox.scheduler().close();
        writer.close();
    }
}
