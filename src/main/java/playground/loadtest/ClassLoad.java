package playground.loadtest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import playground.document.NotesRun;

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
            // The class opens the lesson (the page gives each browser its cookie), then presses Run a little later;
            // --settle 0 measures a server that has just started.
            Students students = students(server.port());
            students.loadPages(clients);
            Thread.sleep(settleSeconds * 1000L);
            long idleRss = server.memoryKb("VmRSS");
            long serverCpuBefore = server.cpuMillis();
            long ownCpuBefore = ownCpuMillis();
            Result result = runClients(students, clients);
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

    /** The class's figures: milliseconds from the start of the benchmark, per student; -1 where it never happened. */
    private record Result(long[] connectedMs, long[] startedMs, long[] firstEpochMs, long allDoneMs, int done,
                          int errors) {
        static long percentile(long[] times, int p) {
            return Percentiles.of(times, p);
        }
    }

    private static Students students(int port) {
        return new Students(port, "{\"type\":\"start\",\"config\":" + NotesRun.DOCUMENT + "}", "classload");
    }

    private static Result runClients(Students students, int clients) throws Exception {
        Students.Times times = students.run(clients, 120, TimeUnit.SECONDS);
        int done = (int) Arrays.stream(times.outcome()).filter("done"::equals).count();
        Arrays.stream(times.outcome()).filter(o -> !"done".equals(o)).distinct().limit(3)
                .forEach(o -> System.err.println("class load: a student ended with " + o));
        long allDone = Arrays.stream(times.ended()).max().orElse(-1);
        return new Result(times.connected(), times.started(), times.firstEpoch(), allDone, done, clients - done);
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
