package playground.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * A worker's writes to Redis, off the trainer threads: events are queued (bounded: a trainer waits rather than grow
 * the heap if Redis falls behind) and one thread writes them in pipelines, in order. A run's job is acknowledged in
 * the same order, after its final event, so a worker that dies before the acknowledgement leaves the run pending for
 * another, and one that dies after it has written everything. Thread-safe.
 */
final class EventWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    private static final int BATCH = 1000;

    /**
     * An event to append as entry {@code index}, or (event null) the job entry to acknowledge and delete and what to do
     * once Redis has answered.
     */
    private record Op(String run, long index, String event, StreamEntryID job, Runnable then) {}

    private final UnifiedJedis redis;
    private final BlockingQueue<Op> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread thread;
    private volatile boolean running = true;

    EventWriter(UnifiedJedis redis) {
        this.redis = redis;
        this.thread = new Thread(this::writeLoop, "event-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void append(String run, long index, String event) {
        put(new Op(run, index, event, null, null));
    }

    /**
     * Acknowledges and deletes {@code run}'s job; its records then live only {@link Keys#ENDED_SECONDS} more, for a page
     * whose socket dropped at the very end (so Redis holds about a minute of finished runs, whatever the traffic).
     *
     * @param then runs after the acknowledgement was written (or failed: the run is pending again)
     */
    void acknowledge(String run, StreamEntryID job, Runnable then) {
        put(new Op(run, 0, null, job, then));
    }

    private void put(Op op) {
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        List<Op> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (!running) break;
                continue;
            }
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Op> batch) {
        Set<String> touched = new HashSet<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Op op : batch) {
                if (op.event != null) {
                    // an explicit id: a second writer of the same run (a worker thought dead) is refused by Redis
                    pipeline.xadd(Keys.events(op.run), XAddParams.xAddParams().id(op.index, 0)
                            .maxLen(Keys.EVENTS_MAXLEN).exactTrimming(), Map.of("e", op.event));
                    touched.add(op.run);
                } else {
                    pipeline.xack(Keys.JOBS, Keys.GROUP, op.job);
                    pipeline.xdel(Keys.JOBS, op.job);
                }
            }
            for (String run : touched) pipeline.expire(Keys.events(run), Keys.RUN_SECONDS);
            for (Op op : batch) {
                if (op.job == null) continue;
                pipeline.expire(Keys.events(op.run), Keys.ENDED_SECONDS);
                pipeline.expire(Keys.run(op.run), Keys.ENDED_SECONDS);
            }
            pipeline.sync();
        } catch (RuntimeException e) {
            // the run stays pending and is re-run by whoever claims it; its written events are skipped then
            LOG.warn("writing {} events to Redis failed: {}", batch.size(), e.toString());
        }
        for (Op op : batch) {
            if (op.then != null) op.then.run();
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
