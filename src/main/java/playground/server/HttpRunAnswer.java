package playground.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import playground.runs.RunRefusedException;

/**
 * The answer to one {@code POST /api/train} while its run trains, without holding a Jetty thread: the request is
 * asynchronous, and a client that hangs up must stop its run. Jetty does not notice a closed connection while it
 * writes nothing, so a run that is not done within {@link #PATIENCE_MS} commits {@code 200} and sends a space every
 * second (JSON allows leading whitespace); the write that fails cancels the run. The body is then the result, or the
 * error object if the run fails after that. Thread-safe.
 */
final class HttpRunAnswer {
    /** Runs done sooner answer with their own status (422 diverged, 504 timeout, …), like any short request. */
    static final long PATIENCE_MS = 1_000;

    private final Context ctx;
    private final ObjectMapper json;
    private final Runnable cancel;
    private final CompletableFuture<Void> written = new CompletableFuture<>();
    private ScheduledFuture<?> ticks;
    private boolean committed;
    private boolean answered;

    private HttpRunAnswer(Context ctx, ObjectMapper json, Runnable cancel) {
        this.ctx = ctx;
        this.json = json;
        this.cancel = cancel;
    }

    /**
     * Answers {@code ctx} with {@code result}'s value, or with the error it fails with; calls {@code cancel} when
     * the client is gone. {@code done} runs once the answer is written or abandoned.
     */
    static void answer(Context ctx, ObjectMapper json, CompletableFuture<?> result, Runnable cancel,
                       ScheduledExecutorService timer, Runnable done) {
        HttpRunAnswer answer = new HttpRunAnswer(ctx, json, cancel);
        answer.ticks = timer.scheduleAtFixedRate(answer::tick, PATIENCE_MS, 1_000, TimeUnit.MILLISECONDS);
        answer.written.whenComplete((v, e) -> done.run());
        result.whenCompleteAsync((value, failure) -> answer.finish(value, failure), timer);
        ctx.future(() -> answer.written);
    }

    private synchronized void tick() {
        if (answered) return;
        try {
            if (!committed) {
                ctx.res().setStatus(200);
                ctx.res().setContentType("application/json");
                committed = true;
            }
            ctx.res().getOutputStream().write(' ');
            ctx.res().flushBuffer();
        } catch (IOException | RuntimeException e) {
            answered = true;
            ticks.cancel(false);
            cancel.run();
            written.complete(null);
        }
    }

    private synchronized void finish(Object value, Throwable failure) {
        if (answered) return;
        answered = true;
        ticks.cancel(false);
        try {
            if (failure == null) {
                byte[] body = json.writeValueAsBytes(value);
                if (!committed) ctx.status(HttpStatus.OK).contentType("application/json");
                ctx.result(body);
            } else {
                RunRefusedException e = failure instanceof RunRefusedException r ? r
                        : failure.getCause() instanceof RunRefusedException r ? r
                        : new RunRefusedException("internal", "서버에서 오류가 났습니다.", null);
                if (!committed) ctx.status(TrainApi.statusOf(e.code()));
                ctx.contentType("application/json")
                        .result(json.writeValueAsBytes(new Events.Error(e.code(), e.getMessage(), e.field())));
            }
        } catch (IOException | RuntimeException e) {
            cancel.run();
        }
        written.complete(null);
    }
}
