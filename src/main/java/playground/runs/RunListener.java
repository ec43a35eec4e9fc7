package playground.runs;

import java.util.Map;

/**
 * What a scheduled run tells its owner, in this order: {@code queued}* then {@code started}, {@code epoch}*,
 * and exactly one of {@code done}, {@code cancelled} or {@code failed}. Called from worker threads, one
 * call at a time per run; implementations must return quickly (sending is asynchronous).
 */
public interface RunListener {
    /** The run waits for a worker; {@code position} is 1 for the next in line. */
    void queued(int position);

    void started(long seed, Summary summary);

    void epoch(EpochLogs logs);

    void done(Map<String, Double> test, long elapsedMs);

    /** The owner asked to stop (or went away) after {@code epoch} complete epochs. */
    void cancelled(int epoch);

    /** The run could not go on: {@code code} is a wire error code, {@code message} Korean for the student. */
    void failed(String code, String message, String field);
}
