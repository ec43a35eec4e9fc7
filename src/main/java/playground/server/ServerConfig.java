package playground.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import playground.lessons.Course;

/**
 * What the server is made of.
 *
 * @param course        the lessons as loaded now (read once per request, so a reload never mixes two versions)
 * @param routes        more route groups (API, websocket, …), added before the lesson pages
 * @param courseVersion in development mode, the course's reload count, which open pages poll to refresh
 *                      themselves; null in production
 */
public record ServerConfig(Supplier<Course> course, List<Routes> routes, LongSupplier courseVersion) {
    public ServerConfig {
        if (course == null) {
            throw new IllegalArgumentException("course must not be null");
        }
        routes = List.copyOf(routes);
    }

    /** A course that never changes. */
    public ServerConfig(Course course) {
        this(fixed(course), List.of(), null);
    }

    private static Supplier<Course> fixed(Course course) {
        if (course == null) {
            throw new IllegalArgumentException("course must not be null");
        }
        return () -> course;
    }

    /** This configuration with one more route group. */
    public ServerConfig withRoutes(Routes more) {
        List<Routes> all = new ArrayList<>(routes);
        all.add(more);
        return new ServerConfig(course, all, courseVersion);
    }

    /** This configuration with open pages refreshing themselves when {@code version} changes. */
    public ServerConfig withLiveReload(LongSupplier version) {
        return new ServerConfig(course, routes, version);
    }
}
