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
        return start(dir, port, List.of("--port", String.valueOf(port)));
    }

    /**
     * Speaking only TLS with a self-signed certificate made here, as Heroku's Redis does ({@code rediss://} on
     * {@link #port}).
     */
    public static RedisServer startTls(Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve("redis.crt");
        Path key = dir.resolve("redis.key");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=redis.example", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!openssl.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make a certificate: see " + dir.resolve("openssl.log"));
        }
        int port = ServerProcess.freePort();
        return start(dir, port, List.of("--port", "0", "--tls-port", String.valueOf(port), "--tls-cert-file",
                cert.toString(), "--tls-key-file", key.toString(), "--tls-auth-clients", "no"));
    }

    private static RedisServer start(Path dir, int port, List<String> listen) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(ExternalProgram.command("redis-server"),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(listen);
        Process process = ExternalProgram.start(dir, "redis", command);
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
