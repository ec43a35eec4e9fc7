package playground.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import playground.lessons.Course;

/**
 * The pages of one course version, each rendered the first time it is asked for and then served from memory. A
 * reload makes a new {@link Course}; the first request that reads it starts a new generation, and the old one's
 * pages are dropped with it, so no page of an old version is ever served for a new one. (A request that read
 * the course just before a reload may bring the old generation back for a moment; the next request starts the new
 * one again. That costs a few renders, never a wrong page.)
 * <p>A generation holds at most {@code maxBytes} ({@link #MAX_BYTES} by default); pages past that (a flood of
 * distinct search queries) are rendered per request, as before this cache. Thread-safe.
 */
final class PageCache {
    /** Far above a course's pages: the bundled course's 10 take 0.25 MB with their gzip forms. */
    static final long MAX_BYTES = 16L << 20;

    private final long maxBytes;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(null));

    PageCache() {
        this(MAX_BYTES);
    }

    /** @param maxBytes pages (with their gzip forms) one course version may hold in memory */
    PageCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The page {@code key} of {@code course}, rendered by {@code render} once per course version. */
    CachedPage page(Course course, String key, Supplier<String> render) {
        Generation generation = current.updateAndGet(g -> g.course == course ? g : new Generation(course));
        CachedPage page = generation.pages.get(key);
        if (page != null) return page;
        if (generation.bytes.get() >= maxBytes) return CachedPage.of(render.get());
        return generation.pages.computeIfAbsent(key, k -> generation.count(CachedPage.of(render.get())));
    }

    /** Pages kept now, for tests. */
    int size() {
        return current.get().pages.size();
    }

    /** The pages rendered from one {@link Course} instance. */
    private static final class Generation {
        final Course course;
        final ConcurrentHashMap<String, CachedPage> pages = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        Generation(Course course) {
            this.course = course;
        }

        CachedPage count(CachedPage page) {
            bytes.addAndGet(page.size());
            return page;
        }
    }
}
