package playground.loadtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server in a JVM of its own, as a dyno runs it: for benchmarks and tests that measure its memory or send it
 * signals. Started on a free loopback port; {@link #close} kills it. Not thread-safe.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * A process started from a background job (a CI script's {@code &}, nohup) inherits SIGINT ignored, and a JVM
     * leaves an ignored SIGINT ignored, so Fly.io's stop signal would reach no shutdown hook. A platform starts
     * the server with SIGINT at its default; coreutils' env does that (where it can), and execs java in place.
     */
    private static final List<String> SIGINT_AS_ON_A_PLATFORM = envResetsSignals()
            ? List.of("env", "--default-signal=INT") : List.of();

    private static boolean envResetsSignals() {
        try {
            return new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code playground.App serve} from {@code classPath} with {@code jvmOptions} and {@code env} added
     * to this process's environment, and waits until {@code /healthz} answers.
     */
    public static ServerProcess start(String classPath, List<String> jvmOptions, Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(SIGINT_AS_ON_A_PLATFORM);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+ExitOnOutOfMemoryError");  // as the Procfile runs it: a broken dyno dies and restarts
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "playground.App", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        ServerProcess server = new ServerProcess(builder.start(), port);
        try {
            server.awaitHealth();
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The class path this JVM runs from: the jar, or the test class path. */
    public static String ownClassPath() {
        return System.getProperty("java.class.path");
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** A memory figure of /proc/PID/status in kB: {@code VmRSS} now, {@code VmHWM} the peak. */
    public long memoryKb(String field) throws IOException {
        return memoryKb(process.pid(), field);
    }

    /** As {@link #memoryKb(String)}, of any process. */
    static long memoryKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }

    /** CPU time the server has used so far (user + system), in milliseconds, from /proc/PID/stat. */
    public long cpuMillis() throws IOException {
        return cpuMillis(process.pid());
    }

    /** As {@link #cpuMillis()}, of any process. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);  // utime, stime (fields 14 and 15)
        return ticks * 10;  // USER_HZ is 100 on Linux
    }

    /** Sends a signal by name ({@code TERM}, {@code INT}) as the platform would. */
    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    private void awaitHealth() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) throw new IllegalStateException("server exited with " + process.exitValue());
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not answer /healthz within 60 s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
