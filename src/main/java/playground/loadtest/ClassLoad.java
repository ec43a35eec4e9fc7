package playground.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import playground.runs.BenchCommand;

/**
 * The class-load benchmark: N students press Run at once on the notes' model. Starts the server as on a
 * 512 MB dyno (its own process, {@code -Xmx300m}), opens N websockets from N "browsers", and prints one JSON
 * line: time to first epoch (p50/p95), time until all finish, errors, and the server's peak RSS.
 * Loopback only; every wait is bounded.
 */
public final class ClassLoad {
    private ClassLoad() {}

    public static void main(String[] args) throws Exception {
        int clients = intOption(args, "--clients", 100);
        String heap = stringOption(args, "--xmx", "300m");
        int settleSeconds = intOption(args, "--settle", 5);
        try (ServerProcess server = ServerProcess.start(ServerProcess.ownClassPath(),
                List.of("-Xmx" + heap, "-Xss512k", "-XX:CICompilerCount=2"), Map.of())) {
            // A class arrives some time after the dyno started; --settle 0 measures a server that has just started.
            Thread.sleep(settleSeconds * 1000L);
            long idleRss = server.memoryKb("VmRSS");
            long serverCpuBefore = server.cpuMillis();
            long ownCpuBefore = ownCpuMillis();
            Result result = runClients(server.port(), clients);
            long serverCpu = server.cpuMillis() - serverCpuBefore;
            long ownCpu = ownCpuMillis() - ownCpuBefore;
            long peakRss = server.memoryKb("VmHWM");
            System.out.println(String.format(Locale.ROOT,
                    "{\"bench\":\"class_load\",\"clients\":%d,\"xmx\":\"%s\",\"settle_s\":%d,\"connected_p95_ms\":%d,"
                            + "\"started_p95_ms\":%d,\"first_epoch_p50_ms\":%d,"
                            + "\"first_epoch_p95_ms\":%d,\"all_done_ms\":%d,\"done\":%d,\"errors\":%d,"
                            + "\"server_rss_idle_mb\":%d,\"server_rss_peak_mb\":%d,\"server_cpu_ms\":%d,\"clients_cpu_ms\":%d}",
                    clients, heap, settleSeconds, Result.percentile(result.connectedMs, 95), Result.percentile(result.startedMs, 95),
                    Result.percentile(result.firstEpochMs, 50), Result.percentile(result.firstEpochMs, 95),
                    result.allDoneMs, result.done, result.errors, idleRss / 1024, peakRss / 1024, serverCpu, ownCpu));
        }
    }

    /** Milliseconds from the start of the benchmark, per student; -1 where it never happened. */
    private record Result(long[] connectedMs, long[] startedMs, long[] firstEpochMs, long allDoneMs, int done,
                          int errors) {
        static long percentile(long[] times, int p) {
            long[] sorted = Arrays.stream(times).filter(v -> v >= 0).sorted().toArray();
            if (sorted.length == 0) return -1;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }

    private static Result runClients(int port, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long[] connected = new long[clients];
        long[] started = new long[clients];
        long[] firstEpoch = new long[clients];
        Arrays.fill(connected, -1);
        Arrays.fill(started, -1);
        Arrays.fill(firstEpoch, -1);
        List<CompletableFuture<String>> endings = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            endings.add(oneStudent(http, port, i, start, connected, started, firstEpoch));
        }
        int done = 0;
        int errors = 0;
        for (CompletableFuture<String> ending : endings) {
            String outcome;
            try {
                outcome = ending.get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                outcome = "error";
            }
            if (outcome.equals("done")) done++;
            else errors++;
        }
        long allDone = (System.nanoTime() - start) / 1_000_000;
        return new Result(connected, started, firstEpoch, allDone, done, errors);
    }

    /** One browser: its own cookie, one socket, one run; completes with "done" or what went wrong. */
    private static CompletableFuture<String> oneStudent(HttpClient http, int port, int index, long start,
                                                        long[] connected, long[] started, long[] firstEpoch) {
        CompletableFuture<String> ending = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    if (started[index] < 0 && message.contains("\"type\":\"started\"")) {
                        started[index] = (System.nanoTime() - start) / 1_000_000;
                    }
                    if (firstEpoch[index] < 0 && (message.contains("\"type\":\"epoch\"")
                            || message.contains("\"type\":\"epochs\""))) {
                        firstEpoch[index] = (System.nanoTime() - start) / 1_000_000;
                    }
                    if (message.contains("\"type\":\"done\"")) ending.complete("done");
                    if (message.contains("\"type\":\"error\"")) ending.complete("error: " + message);
                }
                socket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                ending.complete("error: " + error);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                ending.complete("closed " + status);
                return null;
            }
        };
        http.newWebSocketBuilder()
                .header("Cookie", "pg_browser=classload-" + String.format("%04d", index) + "-browser")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/train"), listener)
                .thenAccept(socket -> {
                    connected[index] = (System.nanoTime() - start) / 1_000_000;
                    socket.sendText("{\"type\":\"start\",\"config\":" + BenchCommand.NOTES_RUN + "}", true);
                })
                .exceptionally(error -> {
                    ending.complete("error: " + error);
                    return null;
                });
        return ending;
    }

    /** CPU time of this process (the simulated class), so the figures show what the load itself cost. */
    private static long ownCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, String.valueOf(fallback)));
    }

    private static String stringOption(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }
}
