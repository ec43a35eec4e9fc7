package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import playground.runs.EpochLogs;
import playground.runs.FitStart;
import playground.runs.FitStep;
import playground.runs.RunListener;
import playground.runs.RunRefusedException;
import playground.runs.Sandbox;
import playground.runs.ScheduledRun;
import playground.runs.Scheduler;
import playground.runs.DecisionPlane;
import playground.runs.LearnedWeights;
import playground.runs.RunStart;

/**
 * {@code /ws/train}: one run per socket, its events streamed as RUN-CONFIG.md lists them. The socket
 * handlers only parse and hand over; training happens on the scheduler's workers.
 */
final class TrainSocket {
    static final String PATH = "/ws/train";

    private final Sandbox sandbox;
    private final BrowserLimits browsers;
    private final RequestGuard guard;
    private final ObjectMapper json;
    private final ScheduledExecutorService timer;
    private final Liveness liveness;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    TrainSocket(Sandbox sandbox, RequestGuard guard, BrowserLimits browsers, ObjectMapper json,
                ScheduledExecutorService timer, Liveness liveness) {
        this.sandbox = sandbox;
        this.guard = guard;
        this.browsers = browsers;
        this.json = json;
        this.timer = timer;
        this.liveness = liveness;
    }

    void addRoutes(RoutesConfig routes) {
        routes.wsBeforeUpgrade(PATH, this::checkCaller);
        routes.ws(PATH, this::configure);
    }

    int openConnections() {
        return connections.size();
    }

    /** Graceful stop: every socket hears {@code shutting_down} and is closed with 1012 (service restart). */
    void closeAll() {
        for (Connection connection : connections.values()) {
            if (!connection.toldShuttingDown) {
                connection.outbox.send(new Events.Error("shutting_down", Scheduler.SHUTTING_DOWN_MESSAGE, null));
            }
            connection.ctx.closeSession(WsCloseStatus.SERVICE_RESTART, "restarting");
        }
    }

    private void configure(WsConfig ws) {
        ws.onConnect(this::connect);
        ws.onMessage(this::message);
        ws.onClose(this::disconnect);
        ws.onError(this::disconnect);
    }

    /**
     * Before any socket exists: RELIABILITY 11, a page from another site may not drive our trainer with a student's
     * cookie; and only a browser holding a cookie this server signed (a page load gives one) gets a socket, so a
     * script cannot be a new browser with every connection.
     */
    private void checkCaller(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !guard.sameOrigin(origin, ctx)) {
            throw new ForbiddenResponse("origin not allowed");
        }
        if (guard.browser(ctx.cookie(RequestGuard.BROWSER_COOKIE)) == null) {
            throw new ForbiddenResponse("load a page first: the training socket needs the browser cookie");
        }
    }

    private void connect(WsConnectContext ctx) {
        String browser = guard.browser(ctx.cookie(RequestGuard.BROWSER_COOKIE));
        String address = guard.clientAddress(ctx.session.getRemoteSocketAddress(), ctx.header("X-Forwarded-For"));
        BrowserLimits.Refusal refusal = browser == null ? BrowserLimits.Refusal.BROWSER
                : browsers.openSocket(browser, address);
        if (refusal != null) {
            ctx.send(new Events.Error("busy", refusalMessage(refusal), null));
            ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "too many sockets");
            return;
        }
        Connection connection = new Connection(ctx, browser, address);
        connections.put(ctx.sessionId(), connection);
        ctx.enableAutomaticPings(sandbox.limits().pingInterval().toMillis(), TimeUnit.MILLISECONDS);
        connection.unwatch = liveness.watch(ctx.session, connection::unresponsive);
    }

    private String refusalMessage(BrowserLimits.Refusal refusal) {
        return switch (refusal) {
            case BROWSER -> String.format("이 브라우저에서 열린 학습 연결이 너무 많습니다 (최대 %d개). "
                    + "다른 탭의 위젯을 닫고 다시 시도해 주세요.", sandbox.limits().socketsPerBrowser());
            case ADDRESS -> String.format("이 네트워크에서 열린 학습 연결이 너무 많습니다 (최대 %d개). "
                    + "잠시 후 다시 시도해 주세요.", sandbox.limits().socketsPerAddress());
            case SERVER -> "지금 서버에 연결된 사람이 너무 많습니다. 잠시 후 다시 시도해 주세요.";
        };
    }

    private void message(WsMessageContext ctx) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection == null) return;
        JsonNode message;
        try {
            message = Sandbox.read(ctx.message());
        } catch (RunRefusedException e) {
            connection.outbox.send(new Events.Error(e.code(), e.getMessage(), e.field()));
            return;
        }
        String type = message.path("type").asText("");
        switch (type) {
            case "start" -> connection.start(message.get("config"), "boundary".equals(message.path("view").asText()));
            case "stop" -> connection.stop();
            default -> connection.outbox.send(new Events.Error("invalid_message",
                    "알 수 없는 메시지입니다: type은 \"start\" 또는 \"stop\"이어야 합니다 (받은 값: " + abbreviate(type) + ")",
                    "type"));
        }
    }

    private void disconnect(WsContext ctx) {
        Connection connection = connections.remove(ctx.sessionId());
        if (connection == null) return;
        connection.unwatch.run();
        connection.stop();
        browsers.closeSocket(connection.browser, connection.address);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** One socket and the run it owns; the run's listener, translating run events to wire events. */
    private final class Connection implements RunListener {
        final WsContext ctx;
        final String browser;
        final String address;
        final Outbox outbox;
        private volatile ScheduledRun run;
        /** Its run already ended with {@code shutting_down}; the socket is only closed then. */
        volatile boolean toldShuttingDown;
        /** Stops the {@link Liveness} watch. */
        volatile Runnable unwatch = () -> {};

        Connection(WsContext ctx, String browser, String address) {
            this.ctx = ctx;
            this.browser = browser;
            this.address = address;
            this.outbox = new Outbox(ctx.session, json, timer, sandbox.limits().eventsPerSecond(), this::unresponsive);
        }

        synchronized void start(JsonNode config, boolean wantsPlane) {
            if (run != null) {
                outbox.send(new Events.Error("busy", "이 위젯은 이미 학습 중입니다. 멈춤을 누른 뒤 다시 실행해 주세요.", null));
                return;
            }
            if (config == null || !config.isObject()) {
                outbox.send(new Events.Error("invalid_config", "config: 실행 문서(JSON 객체)가 필요합니다", "config"));
                return;
            }
            if (!browsers.tryStart(browser, System.currentTimeMillis())) {
                outbox.send(new Events.Error("rate_limited", String.format(
                        "1분에 %d번까지 실행할 수 있습니다. 잠시 기다렸다가 다시 실행해 주세요.",
                        sandbox.limits().startsPerMinute()), null));
                return;
            }
            try {
                run = sandbox.start(config, this, wantsPlane, browser);
            } catch (RunRefusedException e) {
                outbox.send(new Events.Error(e.code(), e.getMessage(), e.field()));
            }
        }

        void stop() {
            ScheduledRun current = run;
            if (current != null) sandbox.cancel(current);
        }

        /**
         * The client ignored two pings, or its sends stalled or failed: a close frame would wait behind what it
         * does not read, so abort.
         */
        private void unresponsive() {
            stop();
            ctx.session.disconnect();
        }

        private synchronized void finished() {
            run = null;
        }

        @Override
        public void queued(int position) {
            outbox.send(new Events.Queued(position));
        }

        @Override
        public void started(RunStart start) {
            outbox.send(new Events.Started(start));
            outbox.send(new Events.SummaryEvent(start.summary()));
        }

        @Override
        public void points(DecisionPlane.Points points) {
            outbox.send(new Events.Points(points));
        }

        @Override
        public void grid(DecisionPlane.Grid grid) {
            outbox.send(new Events.Grid(grid));
        }

        @Override
        public void epoch(EpochLogs logs) {
            outbox.epoch(logs);
        }

        @Override
        public void done(Map<String, Double> test, long elapsedMs, LearnedWeights weights) {
            finished();
            outbox.send(new Events.Done(test, elapsedMs, weights));
        }

        @Override
        public void fitStarted(FitStart start) {
            outbox.send(new Events.FitStarted(start));
        }

        @Override
        public void step(FitStep step) {
            outbox.send(Events.step(step));
        }

        @Override
        public void fitted(Map<String, Object> result) {
            finished();
            outbox.send(Events.fitted(result));
        }

        @Override
        public void cancelled(int epoch) {
            finished();
            outbox.send(new Events.Cancelled(epoch));
        }

        @Override
        public void failed(String code, String message, String field) {
            finished();
            if (code.equals("shutting_down")) toldShuttingDown = true;
            outbox.send(new Events.Error(code, message, field));
        }
    }
}
