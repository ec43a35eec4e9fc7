package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import playground.data.Datasets;
import playground.runs.DatasetFile;
import playground.runs.EpochLogs;
import playground.runs.HistoryLog;
import playground.runs.RunListener;
import playground.runs.LearnedWeights;
import playground.runs.RunRefusedException;
import playground.runs.RunStart;
import playground.runs.RunResult;
import playground.runs.Sandbox;
import playground.runs.ScheduledRun;
import playground.runs.Summary;

/** The JSON API of RUN-CONFIG.md: health, status, data sets, the live summary and a whole run over HTTP. */
final class TrainApi {
    private final Sandbox sandbox;
    private final LongSupplier droppedUnresponsive;

    /** @param droppedUnresponsive sockets dropped so far because they stopped answering pings */
    TrainApi(Sandbox sandbox, LongSupplier droppedUnresponsive) {
        this.sandbox = sandbox;
        this.droppedUnresponsive = droppedUnresponsive;
    }

    record Status(int active, int queued, int workers, long dropped_unresponsive) {}

    void addRoutes(RoutesConfig routes) {
        routes.get("/healthz", ctx -> ctx.result("ok"));
        routes.get("/api/status", this::status);
        routes.get("/api/datasets", ctx -> ctx.json(Datasets.all()));
        routes.get("/api/datasets/{name}/{file}", TrainApi::datasetCsv);
        routes.post("/api/summary", this::summary);
        routes.post("/api/train", this::train);
        routes.exception(RunRefusedException.class, TrainApi::refused);
    }

    private void status(Context ctx) {
        ctx.json(new Status(sandbox.scheduler().activeCount(), sandbox.scheduler().queuedCount(),
                sandbox.scheduler().workerCount(), droppedUnresponsive.getAsLong()));
    }

    private void summary(Context ctx) throws RunRefusedException {
        ctx.json(sandbox.preview(Sandbox.read(ctx.body())));
    }

    /** A data set's rows as the CSV file the widget's Keras code reads, e.g. /api/datasets/spiral/train.csv?samples=400. */
    private static void datasetCsv(Context ctx) throws RunRefusedException {
        DatasetFile file = Sandbox.datasetFile(ctx.pathParam("name"), ctx.pathParam("file"), ctx.queryParam("samples"),
                ctx.queryParam("noise"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(file.csv());
    }

    /** A whole run, answered when it ends; it queues fairly with the websocket runs. */
    private void train(Context ctx) throws Exception {
        JsonNode document = Sandbox.read(ctx.body());
        Collector collector = new Collector();
        ScheduledRun run = sandbox.start(document, collector);
        long waitMs = sandbox.limits().deadline().toMillis() * 2;
        try {
            ctx.json(collector.result.get(waitMs, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            sandbox.cancel(run);
            throw new RunRefusedException("timeout", "학습이 제한 시간을 넘겼습니다. 에포크를 줄여 보세요.", null);
        } catch (ExecutionException e) {
            sandbox.cancel(run);
            throw (RunRefusedException) e.getCause();
        }
    }

    private static void refused(RunRefusedException e, Context ctx) {
        ctx.status(switch (e.code()) {
            case "busy", "shutting_down" -> HttpStatus.SERVICE_UNAVAILABLE;
            case "timeout" -> HttpStatus.GATEWAY_TIMEOUT;
            case "diverged", "internal" -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.BAD_REQUEST;
        });
        ctx.json(new Events.Error(e.code(), e.getMessage(), e.field()));
    }

    /** Gathers one run's events into the result document of RUN-CONFIG.md. */
    private static final class Collector implements RunListener {
        final CompletableFuture<RunResult> result = new CompletableFuture<>();
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
        public void done(Map<String, Double> test, long elapsedMs, LearnedWeights weights) {
            result.complete(new RunResult(seed, summary, history.history(), test, elapsedMs));
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
