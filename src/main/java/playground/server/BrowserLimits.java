package playground.server;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import playground.runs.RunLimits;

/**
 * Per-browser fairness and per-address ceilings: the training sockets a browser (its signed {@code pg_browser}
 * cookie), an address and the whole server hold, and how many runs and previews a browser asked for in the last
 * minute. A browser is its cookie rather than its address because a classroom shares one; the address ceiling is
 * generous for that reason. Every entry goes when its count drops to zero or its minute has passed, so nothing grows
 * with the number of browsers ever seen. Thread-safe.
 */
final class BrowserLimits {
    /** Why a socket may not open, or null. */
    enum Refusal { BROWSER, ADDRESS, SERVER }

    private static final long MINUTE_MS = 60_000;

    private final RunLimits limits;
    private final Map<String, Integer> browserSockets = new HashMap<>();
    private final Map<String, Integer> addressSockets = new HashMap<>();
    private int sockets;
    private final Window starts;
    private final Window previews;

    BrowserLimits(RunLimits limits) {
        this.limits = limits;
        this.starts = new Window(limits.startsPerMinute());
        this.previews = new Window(limits.previewsPerMinute());
    }

    /** Counts a new socket of {@code browser} from {@code address}; the refusal (and nothing counted) when over a cap. */
    synchronized Refusal openSocket(String browser, String address) {
        if (sockets >= limits.maxSockets()) return Refusal.SERVER;
        if (addressSockets.getOrDefault(address, 0) >= limits.socketsPerAddress()) return Refusal.ADDRESS;
        if (browserSockets.getOrDefault(browser, 0) >= limits.socketsPerBrowser()) return Refusal.BROWSER;
        sockets++;
        addressSockets.merge(address, 1, Integer::sum);
        browserSockets.merge(browser, 1, Integer::sum);
        return null;
    }

    synchronized void closeSocket(String browser, String address) {
        sockets--;
        addressSockets.computeIfPresent(address, (a, open) -> open <= 1 ? null : open - 1);
        browserSockets.computeIfPresent(browser, (b, open) -> open <= 1 ? null : open - 1);
    }

    /** Counts a start at {@code nowMillis}; false when the browser started its share in the last minute. */
    synchronized boolean tryStart(String browser, long nowMillis) {
        return starts.tryAdd(browser, nowMillis);
    }

    /** Counts a preview ({@code POST /api/summary}); false when the browser asked for its share this minute. */
    synchronized boolean tryPreview(String browser, long nowMillis) {
        return previews.tryAdd(browser, nowMillis);
    }

    /** Browsers remembered by the start and preview windows (tests: they must not grow without bound). */
    synchronized int remembered() {
        return starts.recent.size() + previews.recent.size();
    }

    synchronized int openSockets() {
        return sockets;
    }

    /**
     * At most {@code perMinute} events per key in any minute; keys whose minute passed are swept out. Not
     * thread-safe: its owner synchronizes.
     */
    static final class Window {
        final int perMinute;
        final Map<String, ArrayDeque<Long>> recent = new HashMap<>();
        long lastSweep;

        Window(int perMinute) {
            this.perMinute = perMinute;
        }

        boolean tryAdd(String key, long now) {
            sweep(now);
            ArrayDeque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!times.isEmpty() && times.peekFirst() <= now - MINUTE_MS) times.pollFirst();
            if (times.size() >= perMinute) return false;
            times.addLast(now);
            return true;
        }

        /** At most once a second: a full pass is cheap then, whatever the number of keys. */
        private void sweep(long now) {
            if (now - lastSweep < 1_000) return;
            lastSweep = now;
            for (Iterator<ArrayDeque<Long>> it = recent.values().iterator(); it.hasNext(); ) {
                ArrayDeque<Long> times = it.next();
                if (times.isEmpty() || times.peekLast() <= now - MINUTE_MS) it.remove();
            }
        }
    }
}
