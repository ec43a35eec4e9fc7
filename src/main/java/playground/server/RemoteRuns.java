package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import playground.runs.RunRefusedException;

/**
 * Runs trained somewhere else (a cluster's workers, {@code REDIS_URL}) instead of on this process's scheduler: the
 * training socket's seam. Without it the socket trains in-process exactly as before.
 */
public interface RemoteRuns {
    /** One socket's side of a run: the wire events to send, in order, then the end. */
    interface Sink {
        /** A wire event (a record or a JSON tree) for the socket's outbox. */
        void send(Object event);

        /** The run's final event was sent: the socket may start another. */
        void ended();
    }

    /** A socket following a run. */
    interface Watch {
        /** The student pressed stop: the run is cancelled wherever it trains. */
        void stop();

        /** The socket went away: stop following; the run goes on for a while, for the page to resume it. */
        void detach();
    }

    /** Admits a new run of {@code browser} (refused as the in-process sandbox refuses), then follows it. */
    Watch start(JsonNode config, boolean wantsPlane, String browser, Sink sink) throws RunRefusedException;

    /** Follows {@code browser}'s run {@code run} again, from the event after index {@code last}. */
    Watch resume(String run, long last, String browser, Sink sink) throws RunRefusedException;
}
