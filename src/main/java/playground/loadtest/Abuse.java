package playground.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import playground.document.NotesRun;

/**
 * The abuse benchmark: the server as on a 512 MB dyno ({@code -Xmx300m}, its own process), a class of victims
 * pressing Run on the notes' model, once alone and once while one attacker does everything the sandbox allows and
 * more: several browsers each filling its four sockets with the heaviest documents the sandbox admits and starting
 * again as each ends, the heap-exhaustion document of issue 12, parallel previews, a flood of cookieless and forged
 * sockets, and a burst of {@code POST /api/train} requests that then hang up. Prints one JSON line per phase:
 * victims' first epoch and done p50/p95, {@code /healthz} latency, the server's peak heap and RSS, and what the
 * attacker got. Loopback only; every wait is bounded.
 */
public final class Abuse {
    /** The heaviest kind of run the default limits admit: ~27 MB and ~0.6 s of one worker, steps under the cap. */
    public static final String HEAVY = """
            {"dataset":"digits","model":{"normalize":true,"layers":[{"units":512,"activation":"relu"},
             {"units":512,"activation":"relu"},{"units":512,"activation":"relu"},{"units":512,"activation":"relu"},
             {"units":10,"activation":"softmax"}]},"compile":{"optimizer":"adam","loss":"sparse_categorical_crossentropy"},
             "fit":{"epochs":1,"batch_size":256,"validation_split":0.2}}""".replace("\n", "");
    /** Issue 12's document: inside the old cost budget, ~100 MB of heap per run. */
    public static final String HEAP_EXHAUSTION = """
            {"dataset":"digits","model":{"normalize":true,"layers":[{"units":512,"activation":"relu"},
             {"units":512,"activation":"relu"},{"units":512,"activation":"relu"},{"units":512,"activation":"relu"},
             {"units":512,"activation":"relu"},{"units":512,"activation":"relu"},{"units":512,"activation":"relu"},
             {"units":10,"activation":"softmax"}]},"compile":{"optimizer":"adam","loss":"sparse_categorical_crossentropy"},
             "fit":{"epochs":2,"batch_size":4096,"validation_split":0.641}}""".replace("\n", "");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Abuse() {}

    public static void main(String[] args) throws Exception {
        int victims = intOption(args, "--victims", 20);
        int attackers = intOption(args, "--browsers", 6);
        try (ServerProcess server = ServerProcess.start(ServerProcess.ownClassPath(),
                List.of("-Xmx300m", "-Xss512k", "-XX:CICompilerCount=2"), Map.of())) {
            Thread.sleep(3000);
            print("alone", server, victims, null);
            try (Attack attack = Attack.start(server.port(), attackers)) {
                Thread.sleep(2000);  // the attack at full strength before the class arrives
                print("attacked", server, victims, attack);
            }
            System.out.println("{\"bench\":\"abuse\",\"phase\":\"after\",\"server_alive\":" + server.process().isAlive()
                    + ",\"healthz\":" + status(server.port(), "/healthz") + "}");
        }
    }

    private static void print(String phase, ServerProcess server, int victims, Attack attack) throws Exception {
        try (Sampler sampler = Sampler.start(server.port())) {
            Students.Times t = new Students(server.port(), "{\"type\":\"start\",\"config\":" + NotesRun.DOCUMENT
                    + "}", "victim-" + phase).run(victims, 180, TimeUnit.SECONDS);
            long done = Arrays.stream(t.outcome()).filter("done"::equals).count();
            System.out.println(String.format(Locale.ROOT, "{\"bench\":\"abuse\",\"phase\":\"%s\",\"victims\":%d,"
                            + "\"victims_done\":%d,\"first_epoch_p50_ms\":%d,\"first_epoch_p95_ms\":%d,"
                            + "\"done_p50_ms\":%d,\"done_p95_ms\":%d,\"healthz_p50_ms\":%.1f,\"healthz_p95_ms\":%.1f,"
                            + "\"healthz_max_ms\":%.1f,\"heap_used_peak_mb\":%d,\"active_mb_peak\":%d,"
                            + "\"heap_budget_mb\":%d,\"rss_peak_mb\":%d%s}",
                    phase, victims, done, Percentiles.of(t.firstEpoch(), 50), Percentiles.of(t.firstEpoch(), 95),
                    Percentiles.of(t.ended(), 50), Percentiles.of(t.ended(), 95), sampler.healthz(50), sampler.healthz(95),
                    sampler.healthz(100), sampler.heapPeak(), sampler.activePeak(), sampler.budget(),
                    server.memoryKb("VmHWM") / 1024, attack == null ? "" : "," + attack.figures()));
        }
    }

    /** Everything one attacker does at once, until closed. */
    static final class Attack implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final int port;

        private Attack(int port) {
            this.port = port;
        }

        static Attack start(int port, int browsers) throws Exception {
            Attack a = new Attack(port);
            for (int b = 0; b < browsers; b++) {
                for (int s = 0; s < 4; s++) a.loop("heavy", "attacker-" + b, HEAVY);
            }
            a.loop("heap-exhaustion", "attacker-x", HEAP_EXHAUSTION);
            for (int i = 0; i < 6; i++) a.thread(() -> a.count("preview " + post(port, "/api/summary", HEAVY)));
            a.thread(a::cookielessFlood);
            a.thread(a::httpFlood);
            return a;
        }

        /** One socket that starts {@code document} again as soon as each run ends. */
        private void loop(String name, String browser, String document) {
            thread(() -> {
                try (TrainClient client = TrainClient.open(port, browser, null)) {
                    while (running.get()) {
                        client.start(document);
                        count(name + " " + untilEnd(client, 60));
                    }
                }
            });
        }

        /** Waits for the run's last event: {@code done}, {@code cancelled} or {@code error} with its code. */
        private static String untilEnd(TrainClient client, int seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                var event = client.events.poll(100, TimeUnit.MILLISECONDS);
                if (event == null) continue;
                String type = event.path("type").asText();
                if (type.equals("done") || type.equals("cancelled")) return type;
                if (type.equals("error")) return "error " + event.path("code").asText();
            }
            return "no end";
        }

        /** Sockets without a cookie and with a forged one: each must be refused before it exists. */
        private void cookielessFlood() throws Exception {
            String forged = "0".repeat(32) + "." + "A".repeat(22);
            try {
                TrainClient.openWithCookie(port, (outcomes.size() & 1) == 0 ? null : forged).close();
                count("cookieless socket accepted");
            } catch (Exception e) {
                count("cookieless socket refused");
            }
            Thread.sleep(5);
        }

        /** Runs over HTTP, many at once; the requests are abandoned after a second. */
        private void httpFlood() throws Exception {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sent.add(HTTP.sendAsync(request(port, "/api/train", 1).POST(HttpRequest.BodyPublishers.ofString(HEAVY))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (var f : sent) {
                try {
                    count("http " + f.get(5, TimeUnit.SECONDS).statusCode());
                } catch (Exception e) {
                    count("http hung up");
                }
            }
        }

        private void thread(Step step) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        step.run();
                    } catch (Exception e) {
                        count("attacker error " + e.getClass().getSimpleName());
                    }
                }
            }, "attacker");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }

        private void count(String outcome) {
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }

        String figures() {
            StringBuilder s = new StringBuilder("\"attacker\":{");
            outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    s.append('"').append(e.getKey()).append("\":").append(e.getValue().sum()).append(','));
            if (s.charAt(s.length() - 1) == ',') s.setLength(s.length() - 1);
            return s.append('}').toString();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) t.join(35_000);
        }

        @FunctionalInterface
        interface Step {
            void run() throws Exception;
        }
    }

    /** Samples /healthz latency and /api/status's heap figures every 100 ms. */
    static final class Sampler implements AutoCloseable {
        final List<Double> healthz = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger heapPeak = new AtomicInteger(), activePeak = new AtomicInteger(), budget = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch stopped = new CountDownLatch(1);

        static Sampler start(int port) {
            Sampler s = new Sampler();
            Thread t = new Thread(() -> {
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                while (s.running.get()) {
                    try {
                        long start = System.nanoTime();
                        status(port, "/healthz");
                        s.healthz.add((System.nanoTime() - start) / 1e6);
                        var st = json.readTree(get(port, "/api/status"));
                        s.heapPeak.accumulateAndGet(st.path("heap_used_mb").asInt(), Math::max);
                        s.activePeak.accumulateAndGet(st.path("active_mb").asInt(), Math::max);
                        s.budget.set(st.path("heap_budget_mb").asInt());
                        Thread.sleep(100);
                    } catch (Exception e) {
                        s.healthz.add(5000.0);
                    }
                }
                s.stopped.countDown();
            }, "sampler");
            t.setDaemon(true);
            t.start();
            return s;
        }

        double healthz(int p) {
            return Percentiles.of(healthz.stream().mapToDouble(Double::doubleValue).toArray(), p);
        }

        int heapPeak() { return heapPeak.get(); }
        int activePeak() { return activePeak.get(); }
        int budget() { return budget.get(); }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            stopped.await(5, TimeUnit.SECONDS);
        }
    }

    /** A request to the server on loopback that gives up after {@code seconds}. */
    private static HttpRequest.Builder request(int port, String path, int seconds) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(seconds));
    }

    private static int status(int port, String path) throws Exception {
        return HTTP.send(request(port, path, 5).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(int port, String path) throws Exception {
        return HTTP.send(request(port, path, 5).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int post(int port, String path, String body) throws Exception {
        return HTTP.send(request(port, path, 10).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        }
        return fallback;
    }
}
