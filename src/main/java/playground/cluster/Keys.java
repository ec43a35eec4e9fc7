package playground.cluster;

import java.util.regex.Pattern;

/**
 * The Redis keys of a cluster and how long each lives. Every key a browser can make grow is capped or expires, so a
 * hostile page can fill Redis no faster than its starts per minute allow, and nothing outlives a quarter of an hour.
 */
final class Keys {
    private Keys() {}

    /** The global job stream: at most one entry per browser, its next run ({@code run}, {@code browser}). */
    static final String JOBS = "pg:jobs";
    /** The consumer group every worker reads {@link #JOBS} through. */
    static final String GROUP = "workers";
    /** Where a web process says a run was stopped, for its worker to cancel it at once ({@link #stop} stays too). */
    static final String STOPS = "pg:stops";
    /** How many runs workers picked up from a worker that stopped answering (for the load test's figures). */
    static final String CLAIMED = "pg:stats:claimed";

    /** A run's document, owner and state: {@code browser}, {@code doc}, {@code plane}, {@code promoted}, {@code attempts}. */
    static String run(String id) {
        return "pg:run:" + id;
    }

    /** A run's wire events; entry {@code N-0} is its N-th event, so a re-run cannot write an event twice. */
    static String events(String id) {
        return "pg:run:" + id + ":events";
    }

    /** Present while some web process follows the run (or a page may still resume it). */
    static String lease(String id) {
        return "pg:run:" + id + ":lease";
    }

    /** Set when the student pressed stop. */
    static String stop(String id) {
        return "pg:run:" + id + ":stop";
    }

    /** A browser's runs waiting behind the one it has in {@link #JOBS}, oldest first. */
    static String waiting(String browser) {
        return "pg:browser:" + browser + ":waiting";
    }

    /** Set while the browser has an entry in {@link #JOBS}. */
    static String queued(String browser) {
        return "pg:browser:" + browser + ":queued";
    }

    /** The browser's starts in the current minute, across every web process. */
    static String starts(String browser, long minute) {
        return "pg:browser:" + browser + ":starts:" + minute;
    }

    /** Run ids are 128 random bits in hex: unguessable, and checked against the owner's cookie on resume. */
    static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{32}");

    /** A run's records: its document waits at most this long for a worker, its events this long for a reader. */
    static final int RUN_SECONDS = 15 * 60;
    /** A finished run's records are kept this long, for a page that lost its socket just before the end. */
    static final int ENDED_SECONDS = 60;
    /** A run nobody follows for this long is cancelled: the time a page has to resume after its socket dropped. */
    static final int LEASE_SECONDS = 10;
    /** Most events kept per run: more than the largest run's epochs, steps and grids. */
    static final long EVENTS_MAXLEN = 4096;
}
