package playground.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.eclipse.jetty.server.AbstractConnector;
import playground.lessons.Course;
import java.util.List;
import playground.lessons.LiveCourse;
import playground.markdown.LessonMarkdown;

/**
 * The whole site as {@code App} serves it: the course, rendered with the trainer's widget checks and Keras code
 * reader, and the trainer's routes, in one started server. Tests start the very same thing on a loopback port.
 */
public final class Site implements AutoCloseable {
    private final TrainService trainer;
    private final LiveCourse course;
    private final Javalin app;

    private Site(TrainService trainer, LiveCourse course, Javalin app) {
        this.trainer = trainer;
        this.course = course;
        this.app = app;
    }

    /**
     * Serves {@code contentDir} on every interface at {@code port}.
     *
     * @param dev development mode: open pages refresh themselves when the course changes
     */
    public static Site start(Path contentDir, TrainService trainer, int port, boolean dev) {
        return start(contentDir, trainer, "0.0.0.0", port, dev);
    }

    /** Serves {@code contentDir} on {@code host}:{@code port} (port 0 picks a free one), in production mode. */
    public static Site start(Path contentDir, TrainService trainer, String host, int port) {
        return start(contentDir, trainer, host, port, false);
    }

    /** The course reloads whenever {@code contentDir} changes, in either mode. */
    public static Site start(Path contentDir, TrainService trainer, String host, int port, boolean dev) {
        LiveCourse course = LiveCourse.watch(contentDir,
                new LessonMarkdown(trainer.widgetValidator(), trainer.runnableCode()), trainer.courseDatasets(contentDir));
        ServerConfig config = new ServerConfig(course::current, List.of(trainer), dev ? course::version : null);
        Javalin app = Server.create(config).start(host, port);
        closeIdleConnectionsPromptly(app);
        return new Site(trainer, course, app);
    }

    /**
     * Jetty's graceful stop lets requests in flight finish but also waits a second (its shutdown idle timeout) for
     * each kept-alive idle connection to time out; a browser or client retries a request on such a connection, so
     * a tenth of that is enough, and every test's server stops at once.
     */
    private static void closeIdleConnectionsPromptly(Javalin app) {
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) c.setShutdownIdleTimeout(100);
        }
    }

    public int port() {
        return app.port();
    }

    /** The course as served now. */
    public Course course() {
        return course.current();
    }

    public TrainService trainer() {
        return trainer;
    }

    /** Graceful stop: every widget hears {@code shutting_down}, Jetty stops, then the trainer's threads end. */
    @Override
    public void close() {
        trainer.shutdown();
        app.stop();
        course.close();
        trainer.close();
    }
}
