package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import playground.data.Datasets;
import playground.document.DatasetFile;
import playground.runs.EpochLogs;
import playground.runs.HistoryLog;
import playground.runs.RunListener;
import playground.runs.KerasOutcome;
import playground.runs.RunRefusedException;
import playground.runs.RunStart;
import playground.runs.RunResult;
import playground.runs.Sandbox;
import playground.runs.ScheduledRun;
import playground.document.Summary;

/**
 * The JSON API of RUN-CONFIG.md: health, status, data sets, the live summary and a whole run over HTTP. The summary
 * and the runs count against the same per-browser limits as the socket (a request without the signed cookie counts
 * as its address); runs over HTTP are asynchronous and few at a time, so they never hold the site's threads.
 */
final class TrainApi {
    private final Sandbox sandbox;
    private final RequestGuard guard;
    private final BrowserLimits browsers;
    private final ScheduledExecutorService timer;
    private final LongSupplier droppedUnresponsive;
    private final Semaphore httpRuns;
    private final ObjectMapper json = new ObjectMapper();

    /** @param droppedUnresponsive sockets dropped so far because they stopped answering pings */
    TrainApi(Sandbox sandbox, RequestGuard guard, BrowserLimits browsers, ScheduledExecutorService timer,
             LongSupplier droppedUnresponsive) {
        this.sandbox = sandbox;
        this.guard = guard;
        this.browsers = browsers;
        this.timer = timer;
        this.droppedUnresponsive = droppedUnresponsive;
        this.httpRuns = new Semaphore(sandbox.limits().httpRuns());
    }

    /**
     * {@code workers}: trainer threads alive; {@code active_mb}/{@code heap_budget_mb}: the active runs' estimated
     * memory against the budget; {@code heap_used_mb}: the JVM's heap in use now.
     */
    record Status(int active, int queued, int workers, long dropped_unresponsive, long active_mb, long heap_budget_mb,
                  long heap_used_mb, int sockets, int http_runs) {}

    void addRoutes(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.result("ok"));
        routes.get("/api/status", this::status);
        routes.get("/api/session", ctx -> ctx.status(HttpStatus.NO_CONTENT));  // the before-handler set the cookie
        routes.get("/api/datasets", ctx -> ctx.json(Datasets.all()));
        routes.get("/api/options", TrainApi::options);
        routes.get("/api/datasets/{name}/{file}", this::datasetCsv);
        routes.post("/api/summary", this::summary);
        routes.post("/api/train", this::train);
        routes.exception(RunRefusedException.class, TrainApi::refused);
    }

    private void status(Context ctx) {
        Runtime rt = Runtime.getRuntime();
        var s = sandbox.scheduler();
        ctx.json(new Status(s.activeCount(), s.queuedCount(), s.workerCount(), droppedUnresponsive.getAsLong(),
                s.activeBytes() >> 20, s.heapBudget() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20,
                browsers.openSockets(), sandbox.limits().httpRuns() - httpRuns.availablePermits()));
    }

    /** The registry's vocabulary for the browser's menus and rules, with the data sets of /api/datasets. */
    private static void options(Context ctx) {
        Map<String, Object> options = new java.util.LinkedHashMap<>(playground.vocabulary.Vocabulary.options());
        options.put("datasets", Datasets.all());
        ctx.json(options);
    }

    private void summary(Context ctx) throws RunRefusedException {
        if (!browsers.tryPreview(caller(ctx), System.currentTimeMillis())) {
            throw new RunRefusedException("rate_limited", String.format(
                    "1분에 %d번까지 요약을 볼 수 있습니다. 잠시 뒤에 다시 시도해 주세요.",
                    sandbox.limits().previewsPerMinute()), null);
        }
        JsonNode document = Sandbox.read(ctx.body());
        ctx.json(Sandbox.isEstimator(document) ? sandbox.fitPreview(document, caller(ctx))
                : sandbox.preview(document, caller(ctx)));
    }

    /** The signed browser cookie's id, else the client's address. */
    private String caller(Context ctx) {
        return guard.caller(ctx);
    }

    /** A data set's rows as the CSV file the widget's Keras code reads, e.g. /api/datasets/spiral/train.csv?samples=400. */
    private void datasetCsv(Context ctx) throws RunRefusedException {
        DatasetFile file = sandbox.datasetFile(ctx.pathParam("name"), ctx.pathParam("file"), ctx.queryParam("samples"),
                ctx.queryParam("noise"), caller(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(file.csv());
    }

    /** A whole run, answered when it ends; it queues fairly with the websocket runs. */
    private void train(Context ctx) throws RunRefusedException {
        JsonNode document = Sandbox.read(ctx.body());
        String caller = caller(ctx);
        if (!httpRuns.tryAcquire()) {
            throw new RunRefusedException("busy", String.format(
                    "지금 HTTP로 학습 중인 요청이 너무 많습니다 (최대 %d개). 잠시 후 다시 시도해 주세요.",
                    sandbox.limits().httpRuns()), null);
        }
        try {
            if (!browsers.tryStart(caller, System.currentTimeMillis())) {
                throw new RunRefusedException("rate_limited", String.format(
                        "1분에 %d번까지 실행할 수 있습니다. 잠시 기다렸다가 다시 실행해 주세요.",
                        sandbox.limits().startsPerMinute()), null);
            }
            Collector collector = new Collector();
            ScheduledRun run = sandbox.start(document, collector, false, caller);
            HttpRunAnswer.answer(ctx, json, collector.result, () -> sandbox.cancel(run), timer, httpRuns::release);
        } catch (RunRefusedException | RuntimeException e) {
            httpRuns.release();
            throw e;
        }
    }

    static HttpStatus statusOf(String code) {
        return switch (code) {
            case "busy", "shutting_down" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "rate_limited" -> HttpStatus.TOO_MANY_REQUESTS;
            case "timeout" -> HttpStatus.GATEWAY_TIMEOUT;
            case "diverged", "internal", "cancelled" -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private static void refused(RunRefusedException e, Context ctx) {
        ctx.status(statusOf(e.code()));
        ctx.json(new Events.Error(e.code(), e.getMessage(), e.field()));
    }

    /** Gathers one run's events into the result document of RUN-CONFIG.md. */
    private static final class Collector implements RunListener {
        /** The result document: a {@link RunResult} for a Keras run, the fit's fields for a scikit-learn one. */
        final CompletableFuture<Object> result = new CompletableFuture<>();
        private final HistoryLog history = new HistoryLog();
        private long seed;
        private Summary summary;

        @Override
        public void queued(int position) {}

        @Override
        public void started(RunStart start) {
            this.seed = start.seed();
            this.summary = start.summary();
        }

        @Override
        public void epoch(EpochLogs logs) {
            history.add(logs);
        }

        @Override
        public void done(KerasOutcome outcome, long elapsedMs) {
            result.complete(RunResult.of(seed, summary, history.history(), outcome, elapsedMs));
        }

        @Override
        public void fitted(Map<String, Object> fit) {
            result.complete(fit);
        }

        @Override
        public void cancelled(int epoch) {
            result.completeExceptionally(new RunRefusedException("cancelled", "학습이 취소되었습니다.", null));
        }

        @Override
        public void failed(String code, String message, String field) {
            result.completeExceptionally(new RunRefusedException(code, message, field));
        }
    }
}
