package playground.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.stream.Collectors;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.data.DatasetFolder;
import playground.data.Datasets;
import playground.keras.KerasRecogniser;
import playground.keras.SklearnRecogniser;
import playground.markdown.RunnableCode;
import playground.markdown.WidgetValidator;
import playground.document.Documents;
import playground.document.InvalidConfigException;
import playground.runs.RunLimits;
import playground.runs.Sandbox;
import playground.runs.Scheduler;

/**
 * The trainer as the server offers it: the JSON API, the training websocket and the browser cookie, over one
 * sandbox and its scheduler. Add it to {@link ServerConfig#withRoutes}; {@link #shutdown} is the graceful stop.
 */
public final class TrainService implements Routes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainService.class);
    private final Sandbox sandbox;
    private final ScheduledExecutorService timer;
    private final RequestGuard guard;
    private final DatasetUploads uploads;
    private final List<DatasetFolder> courseDatasets = new CopyOnWriteArrayList<>();
    private final TrainApi api;
    private final TrainSocket socket;
    private final Duration idleTimeout;
    /** The cluster's runs, when set: closed with the service. */
    private volatile RemoteRuns remote;
    private final AtomicBoolean shutDown = new AtomicBoolean();

    public TrainService(RunLimits limits, Set<String> extraOrigins) {
        this(limits, extraOrigins, null, 0, UploadLimits.defaults(), Clock.systemUTC());
    }

    /** With upload limits and a clock of their own (tests: the budget and the expiry). */
    public TrainService(RunLimits limits, UploadLimits uploadLimits, Clock clock) {
        this(limits, Set.of(), null, 0, uploadLimits, clock);
    }

    /**
     * @param cookieSecret signs the browser cookies ({@code PG_COOKIE_SECRET}); null for a random one per process
     * @param proxyHops    trusted proxies that append the client's address to {@code X-Forwarded-For}
     *                     ({@code PG_PROXY_HOPS}; 0 trusts none)
     * @param clock        when uploads expire
     */
    public TrainService(RunLimits limits, Set<String> extraOrigins, String cookieSecret, int proxyHops,
                        UploadLimits uploadLimits, Clock clock) {
        this.guard = new RequestGuard(extraOrigins, cookieSecret, proxyHops);
        this.uploads = new DatasetUploads(uploadLimits, guard, clock);
        this.sandbox = new Sandbox(limits, new Scheduler(limits), uploads::mayUse);
        this.idleTimeout = limits.idleTimeout();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "socket-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.prestartAllCoreThreads();
        this.timer = timer;
        timer.scheduleWithFixedDelay(uploads::sweep, 1, 1, TimeUnit.MINUTES);
        BrowserLimits browsers = new BrowserLimits(limits);
        Liveness liveness = new Liveness(timer, limits.pingInterval());
        this.api = new TrainApi(sandbox, guard, browsers, timer, liveness::dropped);
        this.socket = new TrainSocket(sandbox, guard, browsers, new ObjectMapper(), timer, liveness);
    }

    /** Limits and allowed origins from the environment (README, "Configuration"). */
    public static TrainService fromEnvironment() {
        Map<String, String> env = System.getenv();
        String origins = env.getOrDefault("PG_ALLOWED_ORIGINS", "");
        String hops = env.getOrDefault("PG_PROXY_HOPS", "0").trim();
        if (!hops.matches("\\d{1,2}")) throw new IllegalArgumentException("PG_PROXY_HOPS must be a small whole number, was: " + hops);
        return new TrainService(RunLimits.fromEnvironment(env),
                Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                env.get("PG_COOKIE_SECRET"), Integer.parseInt(hops), UploadLimits.fromEnvironment(env),
                Clock.systemUTC());
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.before(guard::assignBrowserCookie);
        config.routes.before(ctx -> {
            if ("POST".equals(ctx.method().name()) && guard.crossSite(ctx)) {
                ctx.status(HttpStatus.FORBIDDEN).json(new Events.Error("forbidden",
                        "다른 사이트에서 보낸 요청은 받지 않습니다.", null));
                ctx.skipRemainingHandlers();
            }
        });
        uploads.addRoutes(config.routes);
        api.addRoutes(config.routes);
        socket.addRoutes(config.routes);
        // Jetty's graceful stop only runs with a stop timeout above zero (RELIABILITY, platform facts).
        config.jetty.modifyServer(server -> server.setStopTimeout(5_000));
        config.jetty.modifyWebSocketServletFactory(factory -> factory.setIdleTimeout(idleTimeout));
    }

    /**
     * Reads {@code contentDir}/datasets into data sets, for the course watcher to run before each load (widgets name
     * them); what a load could not follow is logged once, as the course's problems are.
     */
    public Runnable courseDatasets(Path contentDir) {
        DatasetFolder folder = new DatasetFolder(contentDir);
        courseDatasets.add(folder);
        Set<String> logged = new HashSet<>();
        return () -> {
            List<String> problems = folder.reload();
            List<String> fresh = problems.stream().filter(p -> !logged.contains(p)).toList();
            logged.retainAll(problems);
            logged.addAll(problems);
            if (!fresh.isEmpty()) LOG.warn("the course's data sets could not follow:\n  {}", String.join("\n  ", fresh));
            List<String> names = Datasets.addedBy(folder.source());
            if (!names.isEmpty()) LOG.info("course data sets: {}", names);
        };
    }

    /** Lesson widgets are checked with the same rules as a run, so a broken preset shows its author an error. */
    public WidgetValidator widgetValidator() {
        return json -> {
            try {
                Documents.check(json);
                return Optional.empty();
            } catch (InvalidConfigException e) {
                return Optional.of(e.getMessage());
            }
        };
    }

    /**
     * The Keras and scikit-learn recognisers as the lesson renderer's hook: a Python block that builds, compiles and
     * fits a model on one of our data sets, or fits a scikit-learn estimator, gets a run document for its "▶ 이 코드
     * 실행" button (a scikit-learn one opens the fit panel); a Keras one that almost does, the reason.
     */
    public RunnableCode runnableCode() {
        return blocks -> {
            List<KerasRecogniser.Verdict> verdicts = KerasRecogniser.recognise(blocks);
            List<com.fasterxml.jackson.databind.node.ObjectNode> fits = SklearnRecogniser.recognise(blocks);
            List<RunnableCode.Block> answers = new ArrayList<>();
            for (int i = 0; i < verdicts.size(); i++) {
                KerasRecogniser.Verdict v = verdicts.get(i);
                answers.add(v.runnable() ? new RunnableCode.Block(v.document().toString(), null)
                        : v.refusal() != null ? new RunnableCode.Block(null, v.refusal().message(i))
                        : fits.get(i) != null ? new RunnableCode.Block(fits.get(i).toString(), null)
                        : RunnableCode.Block.NONE);
            }
            return answers;
        };
    }

    /**
     * Graceful stop: no new runs, every run stopped, every socket told {@code shutting_down} and closed (1012).
     * Once: {@link Site#close} stops the trainer before the web server and closes it after, and a platform gives
     * a stopping process only seconds (Fly.io five by default), so the second call must not wait again.
     */
    public void shutdown() {
        if (shutDown.getAndSet(true)) return;
        sandbox.scheduler().shutdown(3_000);
        socket.closeAll();
    }

    /** The graceful stop, then the trainer's threads end too. */
    @Override
    public void close() {
        shutdown();
        sandbox.scheduler().close();
        timer.shutdownNow();
        uploads.close();
        courseDatasets.forEach(DatasetFolder::close);
        if (remote instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the cluster's runs failed: {}", e.toString());
            }
        }
    }

    /** Trains the socket's runs on a cluster's workers instead of this process (set before the server starts). */
    public TrainService withRemoteRuns(RemoteRuns runs) {
        socket.useRemote(runs);
        remote = runs;
        return this;
    }

    public Sandbox sandbox() {
        return sandbox;
    }
}
