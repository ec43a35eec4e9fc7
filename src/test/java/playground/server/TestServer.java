package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import playground.runs.RunLimits;

/** The real server with the trainer, as App wires it, on a free loopback port. */
final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final Site site;

    private TestServer(Site site) {
        this.site = site;
    }

    /** With a one-page course of its own, so trainer tests do not depend on content/. */
    static TestServer start(RunLimits limits) {
        return start(new TrainService(limits, java.util.Set.of()));
    }

    /** {@code trainer} (upload limits and clock of a test's own) with the one-page course. */
    static TestServer start(TrainService trainer) {
        try {
            Path content = Files.createTempDirectory("pg-content");
            Files.writeString(content.resolve("index.md"), "---\ntitle: 시험\n---\n# 시험 페이지\n");
            return new TestServer(Site.start(content, trainer, "127.0.0.1", 0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TestServer start(RunLimits limits, Path contentDir) {
        return new TestServer(Site.start(contentDir, new TrainService(limits, java.util.Set.of()), "127.0.0.1", 0));
    }

    int port() {
        return site.port();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode status() throws Exception {
        return JSON.readTree(get("/api/status").body());
    }

    /** Waits until /api/status reports no active and no queued run, or fails after {@code within}. */
    void awaitIdle(Duration within) throws Exception {
        awaitStatus(s -> s.path("active").asInt() == 0 && s.path("queued").asInt() == 0, within);
    }

    /** Waits until /api/status reports at least {@code runs} active runs. */
    void awaitActive(int runs, Duration within) throws Exception {
        awaitStatus(s -> s.path("active").asInt() >= runs, within);
    }

    /** Waits until /api/status satisfies {@code condition}, or fails after {@code within} showing the last status. */
    void awaitStatus(Predicate<JsonNode> condition, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        JsonNode status = status();
        while (!condition.test(status)) {
            if (System.nanoTime() > until) throw new AssertionError("after " + within + ": " + status);
            Thread.sleep(20);
            status = status();
        }
    }

    @Override
    public void close() {
        site.close();
    }
}
