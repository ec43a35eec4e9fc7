package playground.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code bench}: times the course notes' run (Boston, Normalization → 64 relu → 32 relu → 1, Adam 0.01, 100 epochs,
 * batch 16, validation_split 0.2) on the calling thread, median of several fits after warm-up, and prints one JSON
 * line per measurement. A fit is {@link RunSpec#start} plus every epoch (data are cached after the first load).
 * Each fit also prints a line in {@code peer_bench.py}'s format, seed i for fit i, so that {@code bench/seeds.py}
 * compares the test error over seeds with the peers'.
 */
public final class BenchCommand {
    /** The notes' Keras example, exactly as RUN-CONFIG.md shows it: one resource, read once, for every tool and test. */
    public static final String NOTES_RUN = resource("runs/notes-boston.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchCommand() {}

    private static String resource(String path) {
        try (java.io.InputStream in = BenchCommand.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static int run(String[] args, PrintStream out) {
        int warmup = 20, fits = 21;
        try {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--fits")) fits = Math.max(1, Integer.parseInt(args[i + 1]));
                if (args[i].equals("--warmup")) warmup = Math.max(0, Integer.parseInt(args[i + 1]));
            }
        } catch (NumberFormatException e) {
            System.err.println("사용법: java -jar playground.jar bench [--warmup N] [--fits N]");
            return 2;
        }
        RunSpec spec;
        try {
            spec = RunSpec.parse(NOTES_RUN);
        } catch (InvalidConfigException e) {
            throw new IllegalStateException("the notes' run must stay valid: " + e.getMessage(), e);
        }
        int trainRows = spec.trainingRows();
        int batch = spec.fit().batch_size();
        long steps = (long) spec.fit().epochs() * ((trainRows + batch - 1) / batch);
        for (int i = 0; i < warmup; i++) fit(spec, 1000 + i);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[fits];
        double[] cpuMs = new double[fits];
        double[] mse = new double[fits];
        double[] r2 = new double[fits];
        for (int i = 0; i < fits; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Training t = fit(spec, i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            Map<String, Double> test = t.test();
            mse[i] = test.get("loss");
            r2[i] = test.get("r2");
            print(out, JSON.createObjectNode().put("peer", "engine").put("seed", i).put("fit_s", round(ms[i] / 1000))
                    .put("test_mse", round(mse[i])).put("test_r2", round(r2[i])));
        }
        double median = median(ms);
        print(out, line("notes_run").put("unit", "ms").put("median", round(median)).put("min", round(min(ms)))
                .put("max", round(max(ms))).put("cpu_median", round(median(cpuMs))).put("fits", fits).put("warmup", warmup).put("epochs", spec.fit().epochs())
                .put("train_rows", trainRows).put("threads", 1));
        print(out, line("notes_run_step").put("unit", "us").put("median", round(median * 1000 / steps))
                .put("steps", steps).put("batch_size", batch));
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        print(out, line("machine").put("load_average_1m", round(load))
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("note", "wall time drifts with other processes; cpu_median is this thread's CPU time"));
        print(out, line("notes_run_quality").put("median_test_mse", round(median(mse)))
                .put("median_test_r2", round(median(r2))).put("seeds", fits));
        print(out, line("jvm").put("java", System.getProperty("java.version"))
                .put("vm", System.getProperty("java.vm.name")));
        return 0;
    }

    private static Training fit(RunSpec spec, long seed) {
        Training t = spec.start(seed);
        while (!t.finished()) t.nextEpoch(() -> false);
        return t;
    }

    private static ObjectNode line(String name) {
        return JSON.createObjectNode().put("bench", name);
    }

    private static void print(PrintStream out, ObjectNode node) {
        out.println(node.toString());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
