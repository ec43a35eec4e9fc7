package playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import playground.runs.RunLimits;
import playground.server.Site;
import playground.server.TrainService;

/**
 * The real {@link Site}, wired as {@code App} wires it ({@code Site.start(content, trainer, "127.0.0.1", 0)}), for
 * tests. As a static {@code @RegisterExtension} field it serves the whole class, as an instance field each test;
 * {@link #start()} in a try-with-resources serves one block. Closing stops it gracefully and deletes the course
 * folder when the site made it.
 * <pre>{@code
 * @RegisterExtension
 * static final RealSite server = RealSite.oneCourse().workers(2).startsPerMinute(1000);
 * }</pre>
 * The builder methods return this object and may only be called before it starts. Not thread-safe: set it up from
 * the test's thread; the HTTP helpers may be called from any thread.
 */
public final class RealSite implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {
    /** Fills a fresh course folder before the site serves it. */
    @FunctionalInterface
    public interface CourseWriter {
        void write(Path content) throws IOException;
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ONE_PAGE = "---\ntitle: 시험\n---\n# 시험 페이지\n";

    private final Path folder;
    private final CourseWriter writer;
    private RunLimits limits = RunLimits.defaults();
    private Function<RunLimits, TrainService> trainer = limits -> new TrainService(limits, Set.of());
    private boolean dev;
    private Path content;
    private Site site;
    private boolean perClass;

    private RealSite(Path folder, CourseWriter writer) {
        this.folder = folder;
        this.writer = writer;
    }

    /** A one-page course of its own, so server tests do not depend on {@code content/}. */
    public static RealSite oneCourse() {
        return course(dir -> Files.writeString(dir.resolve("index.md"), ONE_PAGE));
    }

    /** A fresh temporary folder that {@code writer} fills; deleted when the site closes. */
    public static RealSite course(CourseWriter writer) {
        return new RealSite(null, writer);
    }

    /** Our own course, {@code content/} (not deleted). */
    public static RealSite ownCourse() {
        return folder(Path.of("content"));
    }

    /** The teacher's notes, {@code ../shared/notes} or {@code $SHARED_DIR/notes} (not deleted). */
    public static RealSite notes() {
        return folder(Path.of(System.getenv().getOrDefault("SHARED_DIR", "../shared"), "notes"));
    }

    /** A folder the test owns (a {@code @TempDir}, a teacher's repository): served as it is, not deleted. */
    public static RealSite folder(Path content) {
        return new RealSite(content, null);
    }

    /** The trainer's limits; {@link RunLimits#defaults()}, as App serves them, unless set. */
    public RealSite limits(RunLimits limits) {
        return before(() -> this.limits = limits);
    }

    /** Changes the limits set so far (e.g. {@code l -> l.withEventsPerSecond(4)}). */
    public RealSite limits(UnaryOperator<RunLimits> change) {
        return limits(change.apply(limits));
    }

    public RealSite workers(int workers) {
        return limits(l -> l.withWorkers(workers));
    }

    public RealSite queue(int active, int waiting) {
        return limits(l -> l.withQueue(active, waiting));
    }

    public RealSite startsPerMinute(int starts) {
        return limits(l -> l.withStartsPerMinute(starts));
    }

    public RealSite costBudget(double budget) {
        return limits(l -> l.withCostBudget(budget));
    }

    public RealSite deadline(Duration deadline) {
        return limits(l -> l.withDeadline(deadline));
    }

    /** A trainer of the test's own (upload limits, clock), built from the limits set here. */
    public RealSite trainer(Function<RunLimits, TrainService> trainer) {
        return before(() -> this.trainer = trainer);
    }

    /** Development mode (when {@code on}): open pages refresh themselves when the course changes. */
    public RealSite dev(boolean on) {
        return before(() -> dev = on);
    }

    /** Starts the site now, for a try-with-resources block; {@link #close()} stops it. */
    public RealSite start() {
        if (site != null) throw new IllegalStateException("the site is already serving on port " + site.port());
        try {
            content = folder != null ? folder : Files.createTempDirectory("pg-site-");
            if (writer != null) writer.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        site = Site.start(content, trainer.apply(limits), "127.0.0.1", 0, dev);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) close();
    }

    /** Graceful stop (see {@link Site#close()}), then the folder goes if this site made it. */
    @Override
    public void close() {
        if (site == null) return;
        try {
            site.close();
        } finally {
            site = null;
            if (folder == null) delete(content);
        }
    }

    public Site site() {
        if (site == null) throw new IllegalStateException("the site is not serving: register it or call start()");
        return site;
    }

    /** The serving site's trainer (its sandbox, scheduler and limits). */
    public TrainService trainer() {
        return site().trainer();
    }

    /** The course folder being served. */
    public Path content() {
        site();
        return content;
    }

    public int port() {
        return site().port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code body} as JSON. */
    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /api/status}: active and queued runs. */
    public JsonNode status() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/status").body());
    }

    /** Waits until no run is active or queued, or fails after {@code within}. */
    public void awaitIdle(Duration within) throws IOException, InterruptedException {
        awaitStatus(s -> s.path("active").asInt() == 0 && s.path("queued").asInt() == 0, within);
    }

    /** Waits until at least {@code runs} runs are active, or fails after {@code within}. */
    public void awaitActive(int runs, Duration within) throws IOException, InterruptedException {
        awaitStatus(s -> s.path("active").asInt() >= runs, within);
    }

    /** Waits until the status satisfies {@code condition}, or fails after {@code within} showing the last one. */
    public void awaitStatus(Predicate<JsonNode> condition, Duration within) throws IOException, InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        JsonNode status = status();
        while (!condition.test(status)) {
            if (System.nanoTime() > until) throw new AssertionError("after " + within + ": " + status);
            Thread.sleep(20);
            status = status();
        }
    }

    private RealSite before(Runnable change) {
        if (site != null) throw new IllegalStateException("set a site up before it starts");
        change.run();
        return this;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
