package playground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import playground.lessons.Course;
import playground.lessons.Lesson;
import playground.lessons.SearchHit;
import playground.views.Frame;
import playground.views.Pages;

/**
 * The course's pages: home, search, and every lesson and image of the course as loaded now. Lessons and images are
 * looked up in a before-handler, since the course may change while the server runs; a path that is neither falls
 * through to the other routes, {@code /assets/} and {@code /webjars/} (the loader keeps lessons off those paths)
 * and then to the 404 page, as does every traversal attempt. Pages are rendered once per course version
 * ({@link PageCache}) and sent with a strong ETag, gzipped when accepted ({@link CachedPage}).
 */
final class LessonRoutes implements Routes {
    private static final int SEARCH_LIMIT = 20;
    private static final int MAX_QUERY = 100;
    private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "svg", "image/svg+xml", "webp", "image/webp",
            "avif", "image/avif");

    /** A search result for the search box: what site.js shows. */
    record SearchResult(String title, String url, String section, String before, String match, String after) {}

    /** What a page in development mode polls. */
    record CourseVersion(long version) {}

    private final Supplier<Course> course;
    private final LongSupplier version;
    private final PageCache pages = new PageCache();

    /** @param version the course's reload count in development mode, or null */
    LessonRoutes(Supplier<Course> course, LongSupplier version) {
        this.course = course;
        this.version = version;
    }

    @Override
    public void addTo(JavalinConfig config) {
        // Javalin answers HEAD for a GET route with an empty 200; these send the page's own headers.
        config.routes.get("/", this::home);
        config.routes.head("/", this::home);
        config.routes.get("/search", this::searchPage);
        config.routes.head("/search", this::searchPage);
        config.routes.get("/search.json", this::searchJson);
        if (version != null) {
            config.routes.get("/course-version.json", ctx -> ctx.json(new CourseVersion(version.getAsLong())));
        }
        config.routes.before(this::courseFile);
    }

    private Frame frame(Course now) {
        return new Frame(now, version != null);
    }

    void home(Context ctx) {
        sendHome(ctx, course.get());
    }

    /** The home page, whether asked for as {@code /} or by the path of the course's {@code index.md}. */
    private void sendHome(Context ctx, Course now) {
        send(ctx, now, "/", () -> Pages.home(frame(now)));
    }

    void searchPage(Context ctx) {
        String query = query(ctx);
        Course now = course.get();
        send(ctx, now, "/search?q=" + query, () -> Pages.search(frame(now), query, now.search(query, SEARCH_LIMIT)));
    }

    /** Sends the page {@code key} of {@code now}, rendered by {@code render} only the first time for this version. */
    private void send(Context ctx, Course now, String key, Supplier<String> render) {
        pages.page(now, key, render).send(ctx);
    }

    void searchJson(Context ctx) {
        List<SearchResult> results = course.get().search(query(ctx), SEARCH_LIMIT).stream()
                .map(LessonRoutes::result).toList();
        ctx.json(results);
    }

    /** The {@code q} parameter, cut to a sensible length. */
    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    private static SearchResult result(SearchHit hit) {
        return new SearchResult(hit.lesson().title(), hit.url(), hit.section(), hit.before(), hit.match(),
                hit.after());
    }

    /** A lesson page or an image of the course, if the path names one; otherwise the next handlers decide. */
    void courseFile(Context ctx) {
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD || ctx.path().equals("/")) {
            return;
        }
        Course now = course.get();
        String path = Paths.decode(ctx.path());
        Optional<Path> image = now.asset(path);
        if (image.isPresent()) {
            image(ctx, image.get());
            ctx.skipRemainingHandlers();
            return;
        }
        Optional<Lesson> lesson = now.page(path);
        if (lesson.isEmpty()) {
            return;
        }
        if (path.endsWith(".html")) {
            ctx.redirect(Paths.encode(lesson.get().url()), HttpStatus.MOVED_PERMANENTLY); // an old Jekyll address
        } else if (lesson.get().isHome()) {
            sendHome(ctx, now);
        } else {
            send(ctx, now, lesson.get().url(), () -> Pages.lesson(frame(now), lesson.get()));
        }
        ctx.skipRemainingHandlers();
    }

    private static void image(Context ctx, Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            ctx.contentType(IMAGE_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
                    ContentType.OCTET_STREAM));
            ctx.header("Cache-Control", "public, max-age=300");
            ctx.result(Files.readAllBytes(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
