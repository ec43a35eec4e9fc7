package playground.server;

import io.javalin.config.JavalinConfig;

/**
 * A group of routes (and anything else, such as websocket handlers) added to the server's configuration.
 * Groups are added in order, before the lesson pages, whose {@code /<path>} route catches everything else.
 */
@FunctionalInterface
public interface Routes {
    void addTo(JavalinConfig config);
}
