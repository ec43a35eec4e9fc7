package playground.server;

import java.util.ArrayList;
import java.util.List;
import playground.lessons.Course;

/**
 * What the server is made of.
 *
 * @param course the loaded lessons
 * @param routes more route groups (API, websocket, …), added before the lesson pages
 */
public record ServerConfig(Course course, List<Routes> routes) {
    public ServerConfig {
        if (course == null) {
            throw new IllegalArgumentException("course must not be null");
        }
        routes = List.copyOf(routes);
    }

    public ServerConfig(Course course) {
        this(course, List.of());
    }

    /** This configuration with one more route group. */
    public ServerConfig withRoutes(Routes more) {
        List<Routes> all = new ArrayList<>(routes);
        all.add(more);
        return new ServerConfig(course, all);
    }
}
