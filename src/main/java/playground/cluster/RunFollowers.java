package playground.cluster;

import com.fasterxml.jackson.databind.util.RawValue;
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
 * {@code XREAD}, from each socket's last event, at most {@code PG_EVENTS_PER_SECOND} times a second, so a socket
 * gets about that many messages a second at most (the epochs of one read go out as one {@code epochs} message, as the
 * in-process outbox coalesces them). Each message carries {@code i}, the index of its last event, which the page sends
 * back to resume. The same thread keeps the followed runs' leases alive. Thread-safe.
 */
final class RunFollowers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunFollowers.class);
    private static final long LEASE_REFRESH_MS = 2_000;

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
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private final long readIntervalMs;
    private volatile boolean running = true;
    private long leasesRefreshedAt;

    RunFollowers(UnifiedJedis redis, int readsPerSecond) {
        this.redis = redis;
        this.readIntervalMs = 1000 / readsPerSecond;
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
                Pause.sleep(500);
            }
            Pause.sleep(readIntervalMs - (System.nanoTime() - began) / 1_000_000);
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

    /**
     * Sends the follower its new events: epochs in a row as one message, everything else as it is. The events are the
     * workers' JSON text, forwarded without parsing (a web process's CPU goes to its sockets): each starts with its
     * {@code type}, and an epoch is {@code {"type":"epoch","epoch":N,"logs":{…}}}.
     */
    private void deliver(Follower follower, List<StreamEntry> entries) {
        StringBuilder epochs = new StringBuilder();
        int count = 0;
        long epochsLast = 0;
        for (StreamEntry entry : entries) {
            long index = entry.getID().getTime();
            if (index <= follower.last) continue;
            String event = entry.getFields().get("e");
            String type = typeOf(event);
            if (type.equals("epoch")) {
                epochs.append(count++ == 0 ? "" : ",").append('{').append(event, event.indexOf(",\"epoch\"") + 1,
                        event.length());
                epochsLast = index;
                continue;
            }
            sendEpochs(follower, epochs, count, epochsLast);
            count = 0;
            follower.last = index;
            follower.sink.send(withIndex(event, index));
            if (RunStream.FINAL.contains(type)) {
                followers.remove(follower);
                follower.sink.ended();
                return;
            }
        }
        sendEpochs(follower, epochs, count, epochsLast);
    }

    private static void sendEpochs(Follower follower, StringBuilder items, int count, long last) {
        if (count == 0) return;
        String message = count == 1 ? "{\"type\":\"epoch\"," + items.substring(1)
                : "{\"type\":\"epochs\",\"items\":[" + items + "]}";
        follower.last = last;
        follower.sink.send(withIndex(message, last));
        items.setLength(0);
    }

    /** The event's JSON text with {@code "i":index} added as its last field. */
    private static RawValue withIndex(String event, long index) {
        return new RawValue(event.substring(0, event.lastIndexOf('}')) + ",\"i\":" + index + "}");
    }

    private static String typeOf(String event) {
        String prefix = "{\"type\":\"";
        if (event == null || !event.startsWith(prefix)) throw new IllegalStateException("not a wire event: " + event);
        return event.substring(prefix.length(), event.indexOf('"', prefix.length()));
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

    @Override
    public void close() {
        running = false;
        reader.interrupt();
    }
}
