package playground.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.server.RemoteRuns;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A web process's sockets following their runs' event streams: one thread reads every followed stream in one
 * {@code XREAD}, from each socket's last event, at most {@link #READS_PER_SECOND} times a second, so a socket gets
 * about that many messages a second at most (the epochs of one read go out as one {@code epochs} message, as the
 * in-process outbox coalesces them). Each message carries {@code i}, the index of its last event, which the page sends
 * back to resume. The same thread keeps the followed runs' leases alive. Thread-safe.
 */
final class RunFollowers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunFollowers.class);
    private static final int READS_PER_SECOND = 20;
    private static final long LEASE_REFRESH_MS = 2_000;
    private static final Set<String> FINAL = Set.of("done", "error", "cancelled");

    /** One socket following one run from the event after {@code last}. */
    final class Follower implements RemoteRuns.Watch {
        final String run;
        final RemoteRuns.Sink sink;
        volatile long last;
        private final Runnable stop;

        Follower(String run, long last, RemoteRuns.Sink sink, Runnable stop) {
            this.run = run;
            this.last = last;
            this.sink = sink;
            this.stop = stop;
        }

        @Override
        public void stop() {
            stop.run();
        }

        @Override
        public void detach() {
            followers.remove(this);
        }
    }

    private final UnifiedJedis redis;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private volatile boolean running = true;
    private long leasesRefreshedAt;

    RunFollowers(UnifiedJedis redis) {
        this.redis = redis;
        this.reader = new Thread(this::readLoop, "run-followers");
        reader.setDaemon(true);
        reader.start();
    }

    Follower follow(String run, long last, RemoteRuns.Sink sink, Runnable stop) {
        Follower follower = new Follower(run, last, sink, stop);
        followers.add(follower);
        return follower;
    }

    int following() {
        return followers.size();
    }

    private void readLoop() {
        while (running) {
            long began = System.nanoTime();
            try {
                readOnce();
                refreshLeases();
            } catch (RuntimeException e) {
                if (!running) return;
                LOG.warn("reading the runs' streams failed; trying again: {}", e.toString());
                pause(500);
            }
            pause(1000 / READS_PER_SECOND - (System.nanoTime() - began) / 1_000_000);
        }
    }

    private void readOnce() {
        Map<String, Long> from = new HashMap<>();
        for (Follower f : followers) from.merge(f.run, f.last, Math::min);
        if (from.isEmpty()) return;
        Map<String, StreamEntryID> streams = new HashMap<>();
        from.forEach((run, last) -> streams.put(Keys.events(run), new StreamEntryID(last, 0)));
        var read = redis.xread(XReadParams.xReadParams().count(1000).block(50), streams);
        if (read == null) return;
        Map<String, List<StreamEntry>> byRun = new HashMap<>();
        for (var stream : read) byRun.put(stream.getKey(), stream.getValue());
        for (Follower f : followers) {
            List<StreamEntry> entries = byRun.get(Keys.events(f.run));
            if (entries != null) deliver(f, entries);
        }
    }

    /** Sends the follower its new events: epochs in a row as one message, everything else as it is. */
    private void deliver(Follower follower, List<StreamEntry> entries) {
        ArrayNode epochs = json.createArrayNode();
        long epochsLast = 0;
        for (StreamEntry entry : entries) {
            long index = entry.getID().getTime();
            if (index <= follower.last) continue;
            ObjectNode event = parse(entry);
            String type = event.path("type").asText();
            if (type.equals("epoch")) {
                epochs.add(json.createObjectNode().put("epoch", event.path("epoch").asInt()).set("logs", event.get("logs")));
                epochsLast = index;
                continue;
            }
            sendEpochs(follower, epochs, epochsLast);
            follower.last = index;
            follower.sink.send(event.put("i", index));
            if (FINAL.contains(type)) {
                followers.remove(follower);
                follower.sink.ended();
                return;
            }
        }
        sendEpochs(follower, epochs, epochsLast);
    }

    private void sendEpochs(Follower follower, ArrayNode epochs, long last) {
        if (epochs.isEmpty()) return;
        ObjectNode message = json.createObjectNode();
        if (epochs.size() == 1) {
            message.put("type", "epoch").setAll((ObjectNode) epochs.get(0));
        } else {
            message.put("type", "epochs").set("items", epochs.deepCopy());
        }
        follower.last = last;
        follower.sink.send(message.put("i", last));
        epochs.removeAll();
    }

    private ObjectNode parse(StreamEntry entry) {
        try {
            JsonNode node = json.readTree(entry.getFields().get("e"));
            if (node instanceof ObjectNode object) return object;
        } catch (Exception e) {
            // only workers write these streams; a broken entry is reported as what it is below
        }
        throw new IllegalStateException("not a wire event in " + entry.getID());
    }

    /** A followed run keeps its lease; one nobody follows any more loses it, and its worker cancels it. */
    private void refreshLeases() {
        long now = System.currentTimeMillis();
        if (now - leasesRefreshedAt < LEASE_REFRESH_MS) return;
        leasesRefreshedAt = now;
        List<String> runs = new ArrayList<>(followers.stream().map(f -> f.run).distinct().toList());
        if (runs.isEmpty()) return;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (String run : runs) pipeline.setex(Keys.lease(run), Keys.LEASE_SECONDS, "1");
            pipeline.sync();
        }
    }

    private static void pause(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
    }
}
