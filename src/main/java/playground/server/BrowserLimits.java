package playground.server;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-browser fairness: how many training sockets one browser holds and how many runs it started in the last
 * minute. A browser is its {@code pg_browser} cookie, not its IP address, because a classroom shares one.
 * Thread-safe.
 */
final class BrowserLimits {
    private final int socketsPerBrowser;
    private final int startsPerMinute;
    private final Map<String, Integer> sockets = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> starts = new HashMap<>();

    BrowserLimits(int socketsPerBrowser, int startsPerMinute) {
        this.socketsPerBrowser = socketsPerBrowser;
        this.startsPerMinute = startsPerMinute;
    }

    /** Counts a new socket; false (and nothing counted) when the browser already holds its share. */
    synchronized boolean openSocket(String browser) {
        int open = sockets.getOrDefault(browser, 0);
        if (open >= socketsPerBrowser) return false;
        sockets.put(browser, open + 1);
        return true;
    }

    synchronized void closeSocket(String browser) {
        sockets.computeIfPresent(browser, (b, open) -> open <= 1 ? null : open - 1);
    }

    /** Counts a start at {@code nowMillis}; false when the browser started its share in the last minute. */
    synchronized boolean tryStart(String browser, long nowMillis) {
        ArrayDeque<Long> recent = starts.computeIfAbsent(browser, b -> new ArrayDeque<>());
        while (!recent.isEmpty() && recent.peekFirst() <= nowMillis - 60_000) recent.pollFirst();
        if (recent.size() >= startsPerMinute) return false;
        recent.addLast(nowMillis);
        if (starts.size() > 100_000) starts.values().removeIf(ArrayDeque::isEmpty);
        return true;
    }

    int socketsPerBrowser() {
        return socketsPerBrowser;
    }

    int startsPerMinute() {
        return startsPerMinute;
    }
}
