package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import playground.RealSite;

/**
 * The course follows its folder while the server runs: an edit, a new file and a deleted one show without a
 * restart, within the 2 s a teacher saving a note waits; a broken edit keeps the page as it was.
 */
class LiveReloadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path content;
    private RealSite site;

    private void start(boolean dev) throws Exception {
        Files.createDirectories(content.resolve("unit"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: 처음\n---\n# 처음\n");
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: 강의 A\n---\n# 강의 A\n\n첫 판입니다.\n");
        site = RealSite.folder(content).workers(1).dev(dev).start();
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long version() throws Exception {
        return new ObjectMapper().readTree(get("/course-version.json").body()).path("version").asLong();
    }

    /** Polls {@code path} until its response satisfies {@code wanted}; fails after {@link #WITHIN}. */
    private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> wanted) throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        HttpResponse<String> response = get(path);
        while (!wanted.test(response)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + WITHIN + ": " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(25);
            response = get(path);
        }
        return response;
    }

    @Test
    void anEditedNoteANewNoteAndADeletedNoteShowWithoutARestart() throws Exception {
        start(false);
        assertTrue(get("/unit/a").body().contains("첫 판입니다."));
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: 강의 A\n---\n# 강의 A\n\n고친 판입니다.\n");
        await("/unit/a", r -> r.body().contains("고친 판입니다."));
        Files.writeString(content.resolve("unit/b.md"), "---\ntitle: 강의 B\n---\n# 강의 B\n");
        await("/unit/b", r -> r.statusCode() == 200);
        assertTrue(get("/").body().contains("강의 B"), "the navigation lists the new lesson");
        Files.delete(content.resolve("unit/b.md"));
        await("/unit/b", r -> r.statusCode() == 404);
    }

    @Test
    void aBrokenEditKeepsTheLastGoodPage() throws Exception {
        start(true);
        long before = version();
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: [강의 A\n---\n# 반쯤 쓴 판\n");
        await("/course-version.json", r -> !r.body().contains("\"version\":" + before + "}"));
        String page = get("/unit/a").body();
        assertTrue(page.contains("첫 판입니다."), page);
        assertFalse(page.contains("반쯤 쓴 판"));
        Files.writeString(content.resolve("unit/a.md"), "---\ntitle: 강의 A\n---\n# 강의 A\n\n다 쓴 판입니다.\n");
        await("/unit/a", r -> r.body().contains("다 쓴 판입니다."));
    }

    @Test
    void onlyDevelopmentModePagesRefreshThemselves() throws Exception {
        start(false);
        assertEquals(404, get("/course-version.json").statusCode());
        assertFalse(get("/unit/a").body().contains("live-reload.js"));
        site.close();
        site = null;
        start(true);
        assertTrue(get("/unit/a").body().contains("/assets/js/live-reload.js"));
        assertEquals(200, get("/assets/js/live-reload.js").statusCode());
        assertEquals(1, version());
    }
}
