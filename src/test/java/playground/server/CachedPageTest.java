package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import playground.lessons.Course;
import playground.lessons.CourseLoader;
import playground.markdown.LessonMarkdown;

class CachedPageTest {
    @Test
    void gzipIsAcceptedWhenNamedOrThroughTheWildcard() {
        assertTrue(CachedPage.acceptsGzip("gzip"));
        assertTrue(CachedPage.acceptsGzip("br, gzip;q=0.5"));
        assertTrue(CachedPage.acceptsGzip("x-gzip"));
        assertTrue(CachedPage.acceptsGzip("*"));
        assertTrue(CachedPage.acceptsGzip("GZIP ; Q=1"));
    }

    @Test
    void gzipIsRefusedWhenAbsentOrAtQualityZero() {
        assertFalse(CachedPage.acceptsGzip(null));
        assertFalse(CachedPage.acceptsGzip(""));
        assertFalse(CachedPage.acceptsGzip("identity"));
        assertFalse(CachedPage.acceptsGzip("br, deflate"));
        assertFalse(CachedPage.acceptsGzip("gzip;q=0"));
        assertFalse(CachedPage.acceptsGzip("gzip;q=0, *"));
        assertFalse(CachedPage.acceptsGzip("*;q=0"));
        assertFalse(CachedPage.acceptsGzip("gzip;q=x"));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndHonoursTheWildcard() {
        assertTrue(CachedPage.matches("\"a\"", "\"a\""));
        assertTrue(CachedPage.matches("\"b\", W/\"a\"", "\"a\""));
        assertTrue(CachedPage.matches("*", "\"a\""));
        assertFalse(CachedPage.matches(null, "\"a\""));
        assertFalse(CachedPage.matches("\"a-gzip\"", "\"a\""));
    }

    @Test
    void theSameHtmlGetsTheSameTagAndOtherHtmlAnother() {
        assertEquals(CachedPage.of("<p>가</p>").tag(), CachedPage.of("<p>가</p>").tag());
        assertFalse(CachedPage.of("<p>가</p>").tag().equals(CachedPage.of("<p>나</p>").tag()));
    }

    @Test
    void aPageIsRenderedOncePerCourseVersion(@TempDir Path content) throws Exception {
        Files.writeString(content.resolve("index.md"), "---\ntitle: 처음\n---\n# 처음\n");
        Course first = CourseLoader.load(content, LessonMarkdown.withJsonWidgets());
        Course reloaded = CourseLoader.load(content, LessonMarkdown.withJsonWidgets());
        PageCache cache = new PageCache();
        AtomicInteger renders = new AtomicInteger();
        CachedPage page = cache.page(first, "/", () -> "<p>" + renders.incrementAndGet() + "</p>");
        assertSame(page, cache.page(first, "/", () -> "<p>" + renders.incrementAndGet() + "</p>"));
        assertEquals(1, renders.get());
        CachedPage after = cache.page(reloaded, "/", () -> "<p>" + renders.incrementAndGet() + "</p>");
        assertNotSame(page, after);
        assertEquals(2, renders.get());
        assertEquals(1, cache.size(), "the old version's pages are dropped");
    }

    @Test
    void pagesPastTheBudgetAreRenderedPerRequest(@TempDir Path content) throws Exception {
        Files.writeString(content.resolve("index.md"), "---\ntitle: 처음\n---\n# 처음\n");
        Course course = CourseLoader.load(content, LessonMarkdown.withJsonWidgets());
        PageCache cache = new PageCache(1);
        AtomicInteger renders = new AtomicInteger();
        cache.page(course, "/search?q=a", () -> "<p>" + renders.incrementAndGet() + "</p>");
        cache.page(course, "/search?q=b", () -> "<p>" + renders.incrementAndGet() + "</p>");
        cache.page(course, "/search?q=b", () -> "<p>" + renders.incrementAndGet() + "</p>");
        assertEquals(1, cache.size(), "the first page fills the budget");
        assertEquals(3, renders.get());
    }
}
