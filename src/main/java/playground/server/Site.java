package playground.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import playground.lessons.Course;
import playground.lessons.CourseLoader;
import playground.markdown.LessonMarkdown;

/**
 * The whole site as {@code App} serves it: the course, rendered with the trainer's widget checks and Keras code
 * reader, and the trainer's routes, in one started server. Tests start the very same thing on a loopback port.
 */
public final class Site implements AutoCloseable {
    private final TrainService trainer;
    private final Course course;
    private final Javalin app;

    private Site(TrainService trainer, Course course, Javalin app) {
        this.trainer = trainer;
        this.course = course;
        this.app = app;
    }

    /** Serves {@code contentDir} on every interface at {@code port}. */
    public static Site start(Path contentDir, TrainService trainer, int port) {
        return start(contentDir, trainer, "0.0.0.0", port);
    }

    /** Serves {@code contentDir} on {@code host}:{@code port}; port 0 picks a free one. */
    public static Site start(Path contentDir, TrainService trainer, String host, int port) {
        Course course = CourseLoader.load(contentDir,
                new LessonMarkdown(trainer.widgetValidator(), trainer.runnableCode()));
        Javalin app = Server.create(new ServerConfig(course).withRoutes(trainer)).start(host, port);
        return new Site(trainer, course, app);
    }

    public int port() {
        return app.port();
    }

    public Course course() {
        return course;
    }

    public TrainService trainer() {
        return trainer;
    }

    /** Graceful stop: every widget hears {@code shutting_down}, Jetty stops, then the trainer's threads end. */
    @Override
    public void close() {
        trainer.shutdown();
        app.stop();
        trainer.close();
    }
}
