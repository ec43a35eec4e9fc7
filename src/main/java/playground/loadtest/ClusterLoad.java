package playground.loadtest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import playground.document.NotesRun;
import playground.document.InvalidConfigException;
import playground.document.RunSpec;
import playground.runs.Runner;

/**
 * The cluster benchmark: {@code clusterload --web 2 --workers 2 --clients 300 --kill-worker --kill-web}. A whole
 * fleet on loopback ({@link Fleet}), the class on the notes' model through the router; one worker is killed when the
 * class has heard a fifth of its epochs and one web process at half, both without warning. Students resume as the widget does.
 * Prints one JSON line: who finished, whether anything was lost, whether every history equals the seed's own (the
 * run trained in this process), the class's times and every process's peak RSS.
 */
public final class ClusterLoad {
    private ClusterLoad() {}

    public static void main(String[] args) throws Exception {
        List<String> flags = Arrays.asList(args);
        System.out.println(run(option(args, "--web", 2), option(args, "--workers", 2), option(args, "--clients", 300),
                flags.contains("--kill-worker"), flags.contains("--kill-web"), option(args, "--settle", 5)));
    }

    /**
     * The benchmark's JSON line.
     *
     * @param settleSeconds between the class's page loads and its Run, as {@code classload} waits: the processes
     *                      finish their start (JIT, warm-up) as a class opens the lesson before pressing Run
     */
    static String run(int webs, int workers, int clients, boolean killWorker, boolean killWeb, int settleSeconds)
            throws Exception {
        double[] reference = referenceLoss();
        Map<String, String> env = Map.of("PG_SOCKETS_PER_ADDRESS", "10000", "PG_STARTS_PER_MINUTE", "1000");
        try (Fleet fleet = new Fleet(webs, workers, env)) {
            Histories heard = new Histories(clients, reference.length);
            Students students = new Students(fleet.routerPort,
                    "{\"type\":\"start\",\"config\":" + NotesRun.DOCUMENT + "}", "clusterload", heard);
            students.loadPages(clients);
            Thread.sleep(settleSeconds * 1000L);
            AtomicBoolean workerKilled = new AtomicBoolean();
            AtomicBoolean webKilled = new AtomicBoolean();
            long epochs = (long) clients * reference.length;
            Thread killer = new Thread(() -> kill(fleet, heard, epochs, killWorker ? workerKilled : null,
                    killWeb ? webKilled : null), "fleet-killer");
            killer.setDaemon(true);
            killer.start();
            Students.Times times = students.run(clients, 240, TimeUnit.SECONDS);
            killer.interrupt();
            return line(fleet, times, heard, reference, webs, workers, workerKilled.get(), webKilled.get());
        }
    }

    /**
     * Kills a worker when the class has heard a fifth of its epochs and a web process at half (runs share the workers
     * round-robin, so they progress together and most are mid-run then), sampling memory meanwhile.
     */
    private static void kill(Fleet fleet, Histories heard, long epochs, AtomicBoolean worker, AtomicBoolean web) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                fleet.samplePeaks();
                long progress = heard.epochsHeard.get();
                if (worker != null && !worker.get() && progress >= epochs / 5) {
                    fleet.kill(fleet.workers.get(0));
                    worker.set(true);
                }
                if (web != null && !web.get() && progress >= epochs / 2) {
                    fleet.kill(fleet.webs.get(0));
                    web.set(true);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String line(Fleet fleet, Students.Times times, Histories heard, double[] reference, int webs,
                               int workers, boolean workerKilled, boolean webKilled) throws Exception {
        int clients = times.outcome().length;
        int done = 0;
        int errors = 0;
        boolean identical = true;
        for (int i = 0; i < clients; i++) {
            String outcome = times.outcome()[i];
            if ("done".equals(outcome)) {
                done++;
                identical &= Arrays.equals(heard.loss[i], reference) && heard.duplicates[i] == 0;
            } else if (outcome != null && (outcome.contains("\"type\":\"error\"") || outcome.startsWith("refused"))) {
                errors++;
            }
        }
        Arrays.stream(times.outcome()).filter(o -> !"done".equals(o)).distinct().limit(3)
                .forEach(o -> System.err.println("cluster load: a student ended with " + o));
        int resumed = (int) Arrays.stream(heard.resumes).filter(r -> r > 0).count();
        long reruns;
        try (var redis = playground.cluster.Redis.connect(fleet.redis.url())) {
            reruns = playground.cluster.Redis.takeOvers(redis);
        }
        String rss = json(fleet.peakMb());
        String cpu = json(fleet.cpuMs());
        return String.format(Locale.ROOT, "{\"bench\":\"cluster_load\",\"web\":%d,\"workers\":%d,\"clients\":%d,"
                        + "\"done\":%d,\"errors\":%d,\"lost\":%d,\"killed_worker\":%b,\"killed_web\":%b,\"identical\":%b,"
                        + "\"reruns\":%d,\"resumed\":%d,\"first_epoch_p95_ms\":%d,\"all_done_ms\":%d,"
                        + "\"rss_peak_mb\":{%s},\"cpu_ms\":{%s}}",
                webs, workers, clients, done, errors, clients - done - errors, workerKilled, webKilled,
                identical && done > 0, reruns, resumed,
                Percentiles.of(times.firstEpoch(), 95), Arrays.stream(times.ended()).max().orElse(-1), rss, cpu);
    }

    private static String json(Map<String, Long> figures) {
        return figures.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** The notes' run trained here, from the same seed: what every student must have seen, epoch by epoch. */
    private static double[] referenceLoss() throws InvalidConfigException {
        RunSpec spec = RunSpec.parse(NotesRun.DOCUMENT);
        return Runner.run(spec, spec.seed()).history().get("loss").stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        }
        return fallback;
    }
}
