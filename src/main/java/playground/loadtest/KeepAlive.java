package playground.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import playground.document.NotesRun;

/**
 * RELIABILITY 9 at full length, too long for {@code mvn test}: a queued or idle socket survives minutes of silence
 * (only the server's pings cross it), as a PaaS router needs. The server runs in its own process with one worker
 * that takes one run at a time (its other limits from the environment, so the default 15 s pings). A "filler" run
 * too big to end in time holds the worker; one socket waits in the queue behind it, one socket is idle. Both stay
 * silent for the given minutes; then the filler stops, the queued run must end with {@code done}, and the idle
 * socket starts a run that must end with {@code done}. Prints one JSON line; exits 1 on failure.
 */
public final class KeepAlive {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Three Dense(512) layers, 1,000 epochs of batch 1: half an hour or more on one core; it is stopped first. */
    private static final String FILLER_RUN = """
            {"dataset":"boston_housing","seed":7,"model":{"normalize":true,"layers":[{"units":512,"activation":"relu"},
            {"units":512,"activation":"relu"},{"units":512,"activation":"relu"},{"units":1}]},
            "compile":{"optimizer":{"name":"adam","learning_rate":0.001},"loss":"mse"},
            "fit":{"epochs":1000,"batch_size":1,"validation_split":0.2}}""";

    private KeepAlive() {}

    public static void main(String[] args) throws Exception {
        int minutes = args.length == 2 && args[0].equals("--minutes") ? Integer.parseInt(args[1]) : 3;
        Path content = Files.createTempDirectory("pg-keepalive");
        Files.writeString(content.resolve("index.md"), "---\ntitle: keepalive\n---\n# keepalive\n");
        Map<String, String> env = Map.of("CONTENT_DIR", content.toString(), "PG_WORKERS", "1", "PG_MAX_ACTIVE", "1",
                "PG_COST_BUDGET", "1e13", "PG_DEADLINE_SECONDS", String.valueOf(minutes * 60 + 600));
        String line;
        try (ServerProcess server = ServerProcess.start(ServerProcess.ownClassPath(), List.of("-Xmx300m"), env)) {
            line = check(server.port(), minutes);
        }
        System.out.println(line);
        if (!line.contains("\"outcome\":\"ok\"")) System.exit(1);
    }

    private static String check(int port, int minutes) throws Exception {
        TrainClient filler = TrainClient.open(port, "keepalive-filler-browser", null);
        filler.start(FILLER_RUN);
        expect(filler, "started", 60);
        TrainClient idle = TrainClient.open(port, "keepalive-idle-browser", null);
        TrainClient queued = TrainClient.open(port, "keepalive-queued-browser", null);
        queued.start(NotesRun.DOCUMENT);
        expect(queued, "queued", 30);

        Silence silence = Silence.keep(minutes, idle, queued);

        boolean queuedDone = false;
        boolean idleDone = false;
        if (silence.idleOpen() && silence.queuedOpen()) {
            filler.send("{\"type\":\"stop\"}");
            queuedDone = TrainClient.reached(queued.until("done", 60), "done");
            idle.start(NotesRun.DOCUMENT);
            idleDone = TrainClient.reached(idle.until("done", 60), "done");
        }
        int dropped = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("dropped_unresponsive").asInt(-1);
        String outcome = !(silence.idleOpen() && silence.queuedOpen()) ? "a socket was closed during the silence"
                : silence.messages() > 0 ? "a message other than a ping crossed during the silence"
                : !(queuedDone && idleDone) ? "a run after the silence did not end with done"
                : dropped != 0 ? "the server dropped a socket as unresponsive" : "ok";
        return String.format(Locale.ROOT, "{\"bench\":\"keepalive\",\"minutes\":%d,\"silent_s\":%.1f,\"idle_pings\":%d,"
                        + "\"queued_pings\":%d,\"messages_in_silence\":%d,\"idle_open\":%b,\"queued_open\":%b,"
                        + "\"queued_done\":%b,\"idle_done\":%b,\"dropped_unresponsive\":%d,\"outcome\":\"%s\"}",
                minutes, silence.seconds(), silence.idlePings(), silence.queuedPings(), silence.messages(),
                silence.idleOpen(), silence.queuedOpen(), queuedDone, idleDone, dropped, outcome);
    }

    private static void expect(TrainClient client, String type, int seconds) throws InterruptedException {
        List<JsonNode> seen = client.until(type, seconds);
        if (!TrainClient.reached(seen, type)) {
            throw new IllegalStateException("no '" + type + "' within " + seconds + " s; saw " + seen);
        }
    }

    /** What crossed the two sockets while the client said nothing: pings, and messages (there should be none). */
    private record Silence(double seconds, int idlePings, int queuedPings, int messages, boolean idleOpen,
                           boolean queuedOpen) {
        /** Says nothing for {@code minutes}, or until a socket closes. */
        static Silence keep(int minutes, TrainClient idle, TrainClient queued) throws InterruptedException {
            int idlePings = idle.pings();
            int queuedPings = queued.pings();
            long from = System.nanoTime();
            long until = from + TimeUnit.MINUTES.toNanos(minutes);
            while (System.nanoTime() < until && !idle.closed.isDone() && !queued.closed.isDone()) {
                Thread.sleep(Math.max(1, Math.min(1_000, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()))));
            }
            return new Silence((System.nanoTime() - from) / 1e9, idle.pings() - idlePings, queued.pings() - queuedPings,
                    idle.events.size() + queued.events.size(), !idle.closed.isDone(), !queued.closed.isDone());
        }
    }
}
