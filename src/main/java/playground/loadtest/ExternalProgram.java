package playground.loadtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's programs the cluster benchmark runs beside our JVMs: {@code redis-server} and {@code haproxy}. */
final class ExternalProgram {
    private ExternalProgram() {}

    /** Whether this machine has the fleet's programs (Debian: {@code apt-get install redis-server haproxy}). */
    static boolean fleetInstalled() {
        return Files.isExecutable(Path.of(command("redis-server"))) && Files.isExecutable(Path.of(command("haproxy")));
    }

    /** A program's path: Debian puts the two servers in /usr/sbin, which a non-root PATH may lack. */
    static String command(String name) {
        Path sbin = Path.of("/usr/sbin", name);
        if (Files.isExecutable(sbin)) return sbin.toString();
        Path bin = Path.of("/usr/bin", name);
        return Files.isExecutable(bin) ? bin.toString() : name;
    }

    /** Starts a program with its output in {@code dir/name.log}. */
    static Process start(Path dir, String name, List<String> command) throws IOException {
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
