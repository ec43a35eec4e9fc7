package playground;

import java.nio.file.Path;
import java.util.Map;
import playground.cluster.Cluster;
import playground.loadtest.SelfVisit;
import playground.runs.Warmup;
import playground.server.Site;
import playground.server.TrainService;

/** Entry point: {@code serve} (default), {@code train FILE [--seed N]}, {@code bench}, {@code classload}, {@code clusterload}, {@code keepalive}. */
public final class App {
    private App() {}

    /**
     * Serves the course in {@code CONTENT_DIR} (default {@code content}) on {@code PORT} (default 7070);
     * {@code --dev} or {@code PG_RELOAD=true}: open pages refresh themselves when the course changes. With
     * {@code REDIS_URL}, a cluster's web process, or its worker with {@code PG_ROLE=worker} (README, "The deployment
     * that grows").
     */
    private static void serve(boolean dev) throws java.io.IOException {
        Map<String, String> env = System.getenv();
        boolean cluster = Cluster.configured(env);
        if (cluster && Cluster.role(env).equals("worker")) {
            Cluster.worker(env);
            return;
        }
        int port = Integer.parseInt(env.getOrDefault("PORT", "7070"));
        Path contentDir = Path.of(env.getOrDefault("CONTENT_DIR", "content"));
        TrainService service = TrainService.fromEnvironment();
        Site site = Site.start(contentDir, cluster ? Cluster.web(service, env) : service, port, dev);
        if (cluster) {
            // a cluster's web process trains only POST /api/train runs (its workers warm up their own trainer)
            Thread visit = new Thread(() -> SelfVisit.run(port), "self-visit");
            visit.setDaemon(true);
            visit.start();
        } else {
            Warmup.inBackground(() -> SelfVisit.run(port));
        }
        // SIGTERM (Heroku, Render) and SIGINT (Fly.io) both run this hook: tell every widget, then stop Jetty.
        Runtime.getRuntime().addShutdownHook(new Thread(site::close, "graceful-stop"));
    }

    public static void main(String[] args) throws Exception {
        boolean dev = java.util.Arrays.asList(args).contains("--dev")
                || "true".equalsIgnoreCase(System.getenv("PG_RELOAD"));
        String command = args.length == 0 || args[0].equals("--dev") ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve(dev);
            case "train" -> System.exit(playground.cli.TrainCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            case "fit" -> System.exit(playground.cli.FitCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            case "classload" -> playground.loadtest.ClassLoad.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "clusterload" -> playground.loadtest.ClusterLoad.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "keepalive" -> playground.loadtest.KeepAlive.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "abuse" -> playground.loadtest.Abuse.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "bench" -> System.exit(playground.cli.BenchCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
            default -> {
                System.err.println("사용법: java -jar playground.jar [serve [--dev] | train FILE [--seed N] | fit FILE [--seed N] | bench | classload [--clients N] | clusterload [--web N] [--workers N] [--clients N] [--kill-worker] [--kill-web] | keepalive [--minutes N] | abuse]");
                System.exit(2);
            }
        }
    }
}
