package playground.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} on a free loopback port, nothing saved to disk, for the cluster benchmark and tests.
 * {@link #close} stops it. Not thread-safe.
 */
public final class RedisServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether this machine has the fleet's programs (Debian: {@code apt-get install redis-server haproxy}). */
    public static boolean available() {
        return Files.isExecutable(Path.of(command("redis-server"))) && Files.isExecutable(Path.of(command("haproxy")));
    }

    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        Process process = external(dir, "redis", List.of(command("redis-server"), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        RedisServer redis = new RedisServer(process, port);
        try {
            awaitPort(port, process);
        } catch (IOException | InterruptedException | RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    /** A program's path: Debian puts the two servers in /usr/sbin, which a non-root PATH may lack. */
    static String command(String name) {
        Path sbin = Path.of("/usr/sbin", name);
        if (Files.isExecutable(sbin)) return sbin.toString();
        Path bin = Path.of("/usr/bin", name);
        return Files.isExecutable(bin) ? bin.toString() : name;
    }

    /** Starts a program with its output in {@code dir/name.log}. */
    static Process external(Path dir, String name, List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** Waits until something listens on {@code port}, at most 20 s, failing early if {@code process} exits. */
    static void awaitPort(int port, Process process) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) throw new IllegalStateException(process.info().command().orElse("?")
                    + " exited with " + process.exitValue());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after 20 s");
    }
}
