package playground.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import playground.runs.EpochLogs;
import playground.server.WireEvents;
import redis.clients.jedis.StreamEntryID;

/**
 * One run's wire events on a worker, numbered 1, 2, … in the order the run makes them, appended to its stream. A
 * run re-taken after its worker died trains again from its seed and makes the same events in the same order, so the
 * first {@code written} (already in the stream) are skipped: the student sees every epoch once. {@code queued}
 * depends on the worker's load, not the run, so it is not numbered and not written. {@code ended} runs once the job
 * is acknowledged, so the worker's heartbeat covers the run until then.
 */
final class RunStream implements WireEvents.Sink {
    static final Set<String> FINAL = Set.of("done", "error", "cancelled");
    /** A worker that stops gracefully leaves its runs pending, for another to finish, rather than end them. */
    private static final String SHUTTING_DOWN = "shutting_down";

    private final String run;
    private final StreamEntryID job;
    private final long written;
    private final EventWriter writer;
    private final ObjectMapper json;
    private final Runnable ended;
    private long index;

    RunStream(String run, StreamEntryID job, long written, EventWriter writer, ObjectMapper json, Runnable ended) {
        this.run = run;
        this.job = job;
        this.written = written;
        this.writer = writer;
        this.json = json;
        this.ended = ended;
    }

    @Override
    public void send(Object event) {
        JsonNode tree = json.valueToTree(event);
        String type = tree.path("type").asText();
        if (type.equals("queued")) return;
        boolean last = FINAL.contains(type);
        if (last && SHUTTING_DOWN.equals(tree.path("code").asText())) {
            ended.run();
            return;
        }
        index++;
        if (index > written) writer.append(run, index, tree.toString());
        if (last) writer.acknowledge(run, job, ended);
    }

    @Override
    public void epoch(EpochLogs logs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "epoch");
        event.put("epoch", logs.epoch());
        event.put("logs", logs.logs());
        send(event);
    }
}
