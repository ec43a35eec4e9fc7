package playground.loadtest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        int port = ServerProcess.freePort();
        Process process = ExternalProgram.start(dir, "redis", List.of(ExternalProgram.command("redis-server"),
                "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", dir.toString()));
        RedisServer redis = new RedisServer(process, port);
        try {
            ExternalProgram.awaitPort(port, process);
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
        ExternalProgram.stop(process);
    }
}
