package playground.server;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.views.Frame;
import playground.views.Pages;

/**
 * All HTTP wiring in one place. {@link #create} returns an unstarted {@link Javalin}; the caller starts it
 * ({@code Server.create(config).start(port)}), so each test builds and starts its own on port 0.
 * <ul>
 *   <li>{@code /assets/…}: the browser files packaged from {@code web/}; {@code /webjars/…}: KaTeX, Prism, Chart.js</li>
 *   <li>the route groups of {@link ServerConfig#routes()}, in order</li>
 *   <li>the lesson pages last: {@code /}, {@code /search}, {@code /search.json}, {@code /<lesson path>} (looked
 *   up per request, as the course reloads), and {@code /course-version.json} in development mode</li>
 * </ul>
 * Every response carries the security headers; unknown paths and traversal attempts get the Korean 404 page;
 * an unexpected exception is logged and answered with a short Korean 500 page, never a stack trace.
 */
public final class Server {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /**
     * A whole class presses Run in the same second: Jetty's default accept queue (the JDK's 50) drops the
     * other connection attempts, and each dropped browser waits for its TCP retry, a full second later.
     */
    private static final int ACCEPT_QUEUE_SIZE = 1024;
    private static final LifeCycle.Listener ACCEPT_QUEUE = new LifeCycle.Listener() {
        @Override
        public void lifeCycleStarting(LifeCycle server) {
            for (Connector connector : ((org.eclipse.jetty.server.Server) server).getConnectors()) {
                if (connector instanceof ServerConnector listening) listening.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
            }
        }
    };

    private Server() {}

    public static Javalin create(ServerConfig config) {
        LessonRoutes lessons = new LessonRoutes(config.course(), config.courseVersion());
        java.util.function.Supplier<String> notFound = () -> Pages.notFound(
                new Frame(config.course().get(), config.courseVersion() != null));
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.modifyServer(server -> {
                server.setErrorHandler(new BadPathErrorHandler(notFound));
                server.addEventListener(ACCEPT_QUEUE);
            });
            StaticFiles.addTo(javalin);
            javalin.routes.before(SecurityHeaders::add);
            config.routes().forEach(group -> group.addTo(javalin));
            lessons.addTo(javalin);
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).html("<!DOCTYPE html><html lang=\"ko\"><meta charset=\"utf-8\">"
                        + "<title>오류</title><p>서버에서 오류가 났습니다. 잠시 뒤에 다시 시도해 주세요.</p></html>");
            });
            javalin.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") || ctx.path().endsWith(".json")) {
                    return;
                }
                ctx.html(notFound.get());
            });
        });
    }
}
