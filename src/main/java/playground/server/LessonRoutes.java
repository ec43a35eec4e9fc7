package playground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import playground.lessons.Course;
import playground.lessons.Lesson;
import playground.lessons.SearchHit;
import playground.views.Pages;

/**
 * The course's pages: home, search, one route per lesson and per image of the course (known when the course is
 * loaded), so {@code /assets/}, {@code /webjars/} and other groups' routes are never shadowed. Anything else,
 * including every traversal attempt, falls through to the 404 page.
 */
final class LessonRoutes implements Routes {
    private static final int SEARCH_LIMIT = 20;
    private static final int MAX_QUERY = 100;
    private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "svg", "image/svg+xml", "webp", "image/webp",
            "avif", "image/avif");

    /** A search result for the search box: what site.js shows. */
    record SearchResult(String title, String url, String before, String match, String after) {}

    private final Course course;

    LessonRoutes(Course course) {
        this.course = course;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.get("/", this::home);
        config.routes.get("/search", this::searchPage);
        config.routes.get("/search.json", this::searchJson);
        for (Lesson lesson : course.lessons()) {
            if (!lesson.isHome()) {
                config.routes.get(routePath(lesson.url()), this::lesson);
            }
        }
        for (String image : course.images()) {
            config.routes.get(routePath(image), this::image);
        }
    }

    void home(Context ctx) {
        ctx.html(Pages.home(course));
    }

    void searchPage(Context ctx) {
        String query = query(ctx);
        ctx.html(Pages.search(course, query, course.search(query, SEARCH_LIMIT)));
    }

    void searchJson(Context ctx) {
        List<SearchResult> results = course.search(query(ctx), SEARCH_LIMIT).stream()
                .map(LessonRoutes::result).toList();
        ctx.json(results);
    }

    /** The {@code q} parameter, cut to a sensible length. */
    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    private static SearchResult result(SearchHit hit) {
        return new SearchResult(hit.lesson().title(), hit.lesson().url(), hit.before(), hit.match(), hit.after());
    }

    /** Javalin reads {@code {…}}, {@code <…>} and {@code *} in a route as parameters; escape them away. */
    private static String routePath(String url) {
        return Paths.encode(url);
    }

    void lesson(Context ctx) {
        String path = Paths.decode(ctx.path());
        Lesson lesson = course.lesson(path)
                .or(() -> path.endsWith("/") ? course.lesson(path.substring(0, path.length() - 1))
                        : course.lesson(path + "/"))
                .orElseThrow(NotFoundResponse::new);
        ctx.html(Pages.lesson(course, lesson));
    }

    void image(Context ctx) {
        Path image = course.asset(Paths.decode(ctx.path())).orElseThrow(NotFoundResponse::new);
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
