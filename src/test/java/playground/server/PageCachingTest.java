package playground.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import playground.RealSite;

/**
 * Pages served as a static server serves files, on the real site (course watcher and trainer included): a strong
 * ETag and 304, gzip negotiated, HEAD answering GET's headers, and a reload giving an edited page a new ETag.
 */
class PageCachingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WITHIN = Duration.ofSeconds(2);
    private static final String GZIP = "gzip, deflate, br";

    @TempDir
    Path content;
    private RealSite site;

    private void start(boolean dev) throws IOException {
        Files.createDirectories(content.resolve("unit"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: 처음\n---\n# 처음\n");
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: 강의 A\n---\n# 강의 A\n\n첫 판입니다.\n");
        Files.writeString(content.resolve("unit/b.md"), "---\ntitle: 강의 B\n---\n# 강의 B\n\n그대로입니다.\n");
        site = RealSite.folder(content).workers(1).dev(dev).start();
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void anUnchangedPageAnswers304ToItsOwnEtag() throws Exception {
        start(false);
        HttpResponse<byte[]> first = get("/unit/a");
        String etag = header(first, "ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), "a strong ETag: " + etag);
        assertTrue(header(first, "Cache-Control").endsWith("no-cache"), header(first, "Cache-Control"));
        assertEquals("Accept-Encoding", header(first, "Vary"));
        assertEquals(first.body().length, Integer.parseInt(header(first, "Content-Length")));
        assertEquals("text/html;charset=utf-8", header(first, "Content-Type").replace(" ", "").toLowerCase());

        HttpResponse<byte[]> again = get("/unit/a", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, header(again, "ETag"));
        assertEquals("Accept-Encoding", header(again, "Vary"));
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, header(again, "Content-Security-Policy"));
        assertEquals("nosniff", header(again, "X-Content-Type-Options"));

        assertEquals(304, get("/unit/a", "If-None-Match", "\"other\", W/" + etag).statusCode(), "weak comparison");
        assertEquals(200, get("/unit/a", "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, get("/unit/a", "If-None-Match", etag, "Accept-Encoding", GZIP).statusCode(),
                "the gzip form is another representation, with a tag of its own");
    }

    @Test
    void theGzipBodyDecodesToTheSameHtml() throws Exception {
        start(false);
        for (String path : List.of("/", "/unit/a", "/search", "/search?q=%EA%B0%95%EC%9D%98")) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", GZIP);
            assertEquals("", header(plain, "Content-Encoding"), path);
            assertEquals("gzip", header(gzipped, "Content-Encoding"), path);
            assertEquals(gzipped.body().length, Integer.parseInt(header(gzipped, "Content-Length")), path);
            assertTrue(gzipped.body().length < plain.body().length, path);
            assertArrayEquals(plain.body(), gunzip(gzipped.body()), path);
            assertNotEquals(header(plain, "ETag"), header(gzipped, "ETag"), path);
            assertEquals(304, get(path, "Accept-Encoding", GZIP, "If-None-Match", header(gzipped, "ETag"))
                    .statusCode(), path);
        }
        assertEquals("", header(get("/unit/a", "Accept-Encoding", "gzip;q=0, *"), "Content-Encoding"));
    }

    @Test
    void headAnswersTheHeadersOfGet() throws Exception {
        start(false);
        for (String path : List.of("/", "/unit/a", "/search", "/search?q=%EA%B0%95%EC%9D%98", "/assets/css/site.css",
                "/webjars/katex/0.16.4/dist/katex.min.js")) {
            for (String encoding : List.of("identity", GZIP)) {
                HttpResponse<byte[]> get = get(path, "Accept-Encoding", encoding);
                HttpResponse<byte[]> head = send("HEAD", path, "Accept-Encoding", encoding);
                String what = path + " " + encoding;
                assertEquals(200, get.statusCode(), what);
                assertEquals(200, head.statusCode(), what);
                assertEquals(0, head.body().length, what);
                assertEquals(headersButDateAndCookie(get.headers()), headersButDateAndCookie(head.headers()), what);
                assertEquals(get.body().length, Integer.parseInt(header(head, "Content-Length")), what);
            }
        }
    }

    /** Everything but the clock and the cookie, which is new for each request without one. */
    private static Map<String, List<String>> headersButDateAndCookie(HttpHeaders headers) {
        Map<String, List<String>> kept = new TreeMap<>(headers.map());
        kept.remove("date");
        kept.remove("set-cookie");
        return kept;
    }

    @Test
    void assetsAreRevalidatedAndWebjarsKeptAYear() throws Exception {
        start(false);
        HttpResponse<byte[]> css = get("/assets/css/site.css", "Accept-Encoding", GZIP);
        assertEquals(StaticFiles.ASSETS_CACHE, header(css, "Cache-Control"));
        assertEquals("gzip", header(css, "Content-Encoding"));
        assertEquals("Accept-Encoding", header(css, "Vary"));
        HttpResponse<byte[]> cached = get("/assets/css/site.css", "If-None-Match", header(css, "ETag"));
        assertEquals(304, cached.statusCode());
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, header(cached, "Content-Security-Policy"));
        HttpResponse<byte[]> katex = get("/webjars/katex/0.16.4/dist/katex.min.js");
        assertEquals(StaticFiles.WEBJARS_CACHE, header(katex, "Cache-Control"));
        assertEquals(304, get("/webjars/katex/0.16.4/dist/katex.min.js", "If-None-Match", header(katex, "ETag"))
                .statusCode());
    }

    @Test
    void aPageThatSetsTheBrowserCookieStaysOutOfSharedCaches() throws Exception {
        start(false);
        HttpResponse<byte[]> first = get("/unit/a");
        assertTrue(header(first, "Set-Cookie").startsWith(RequestGuard.BROWSER_COOKIE + "="));
        assertEquals("private, no-cache", header(first, "Cache-Control"));
        String cookie = header(first, "Set-Cookie").split(";")[0];
        HttpResponse<byte[]> returning = get("/unit/a", "Cookie", cookie);
        assertEquals("", header(returning, "Set-Cookie"));
        assertEquals("no-cache", header(returning, "Cache-Control"));
        assertEquals(header(first, "ETag"), header(returning, "ETag"));
    }

    @Test
    void anEditedLessonGetsANewEtagAndAnUnchangedOneKeepsIts() throws Exception {
        start(false);
        String etagA = header(get("/unit/a"), "ETag");
        String etagB = header(get("/unit/b"), "ETag");
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: 강의 A\n---\n# 강의 A\n\n고친 판입니다.\n");
        HttpResponse<byte[]> edited = await("/unit/a", r -> text(r).contains("고친 판입니다."), "If-None-Match", etagA);
        assertEquals(200, edited.statusCode());
        assertNotEquals(etagA, header(edited, "ETag"));
        assertEquals(304, get("/unit/a", "If-None-Match", header(edited, "ETag")).statusCode());
        assertEquals(304, get("/unit/b", "If-None-Match", etagB).statusCode(), "the same page, the same tag");
    }

    @Test
    void devModePagesStillRefreshThemselvesAndShowTheEdit() throws Exception {
        start(true);
        HttpResponse<byte[]> before = get("/unit/a", "Accept-Encoding", GZIP);
        assertTrue(new String(gunzip(before.body()), StandardCharsets.UTF_8).contains("/assets/js/live-reload.js"));
        String version = text(get("/course-version.json"));
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: 강의 A\n---\n# 강의 A\n\n고친 판입니다.\n");
        await("/course-version.json", r -> !text(r).equals(version));
        HttpResponse<byte[]> after = get("/unit/a", "Accept-Encoding", GZIP, "If-None-Match", header(before, "ETag"));
        assertEquals(200, after.statusCode());
        String page = new String(gunzip(after.body()), StandardCharsets.UTF_8);
        assertTrue(page.contains("고친 판입니다.") && page.contains("/assets/js/live-reload.js"), page);
    }

    /** Polls {@code path} until its response satisfies {@code wanted}; fails after {@link #WITHIN}. */
    private HttpResponse<byte[]> await(String path, Predicate<HttpResponse<byte[]>> wanted, String... headers)
            throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        HttpResponse<byte[]> response = get(path, headers);
        while (!wanted.test(response)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + WITHIN + ": " + response.statusCode() + " " + text(response));
            }
            Thread.sleep(25);
            response = get(path, headers);
        }
        return response;
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
