package playground.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A whole cluster on loopback, for the cluster benchmark and its test: {@code redis-server}, web processes and
 * workers (each its own JVM, as dynos), and HAProxy in front of the web processes as the platform's router (a config
 * generated into a temporary folder; websockets pass as tunnels). Tracks every process's peak RSS, also of the ones
 * it kills. Not thread-safe, except {@link #samplePeaks}.
 */
final class Fleet implements AutoCloseable {
    private static final List<String> DYNO_JVM = List.of("-Xmx300m", "-Xss512k", "-XX:CICompilerCount=2");

    private final Path dir;
    final RedisServer redis;
    private Process router;
    final List<ServerProcess> webs = new ArrayList<>();
    final List<ServerProcess> workers = new ArrayList<>();
    private final Map<String, Long> peakKb = new LinkedHashMap<>();
    private final Map<String, Long> cpuMs = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    int routerPort;

    Fleet(int web, int worker, Map<String, String> env) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("pg-fleet");
        redis = RedisServer.start(dir);
        pids.put("redis", redis.process().pid());
        try {
            Map<String, String> all = new LinkedHashMap<>(env);
            all.put("REDIS_URL", redis.url());
            all.putIfAbsent("PG_COOKIE_SECRET", "fleet-" + System.nanoTime());
            for (int i = 0; i < worker; i++) workers.add(track("worker" + i, role(all, "worker")));
            for (int i = 0; i < web; i++) webs.add(track("web" + i, role(all, "web")));
            routerPort = ServerProcess.freePort();
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, haproxyConfig(routerPort, webs));
            router = ExternalProgram.start(dir, "haproxy", List.of(ExternalProgram.command("haproxy"), "-db", "-f",
                    config.toString()));
            pids.put("haproxy", router.pid());
            ExternalProgram.awaitPort(routerPort, router);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The router: round-robin over the web processes, each checked on {@code /healthz} every half second (two
     * failures take one out), a refused connection retried on another; an upgraded socket is a tunnel.
     */
    static String haproxyConfig(int port, List<ServerProcess> webs) {
        StringBuilder config = new StringBuilder("""
                global
                  maxconn 4096
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout tunnel 1h
                  option redispatch
                  retries 3
                frontend class
                  bind 127.0.0.1:%d
                  default_backend webs
                backend webs
                  balance roundrobin
                  option httpchk
                  http-check send meth GET uri /healthz
                """.formatted(port));
        for (int i = 0; i < webs.size(); i++) {
            config.append("  server web").append(i).append(" 127.0.0.1:").append(webs.get(i).port())
                    .append(" check inter 500 fall 2 rise 2\n");
        }
        return config.toString();
    }

    private ServerProcess role(Map<String, String> env, String role) throws IOException, InterruptedException {
        Map<String, String> withRole = new LinkedHashMap<>(env);
        withRole.put("PG_ROLE", role);
        return ServerProcess.start(ServerProcess.ownClassPath(), DYNO_JVM, withRole);
    }

    private ServerProcess track(String name, ServerProcess process) {
        pids.put(name, process.process().pid());
        return process;
    }

    /** Kills a process as a dyno dies: at once, with no graceful stop. */
    void kill(ServerProcess process) throws InterruptedException {
        samplePeaks();
        process.process().destroyForcibly();
        process.process().waitFor(10, TimeUnit.SECONDS);
    }

    /** Reads every live process's peak RSS (VmHWM) and CPU time so far into the running maxima. */
    synchronized void samplePeaks() {
        pids.forEach((name, pid) -> {
            try {
                peakKb.merge(name, ServerProcess.memoryKb(pid, "VmHWM"), Math::max);
                cpuMs.merge(name, ServerProcess.cpuMillis(pid), Math::max);
            } catch (IOException gone) {
                // exited: its last sample stands
            }
        });
    }

    /** CPU time in ms each process used (up to its last sample when it was killed). */
    synchronized Map<String, Long> cpuMs() {
        samplePeaks();
        return new LinkedHashMap<>(cpuMs);
    }

    /** Peak RSS in MB, by process name ({@code web0}, {@code worker1}, {@code redis}, {@code haproxy}). */
    synchronized Map<String, Long> peakMb() {
        samplePeaks();
        Map<String, Long> mb = new LinkedHashMap<>();
        peakKb.forEach((name, kb) -> mb.put(name, kb / 1024));
        return mb;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServerProcess process : webs) process.close();
        for (ServerProcess process : workers) process.close();
        if (router != null) ExternalProgram.stop(router);
        redis.close();
    }
}
