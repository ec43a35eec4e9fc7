package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import playground.loadtest.ServerProcess;

/**
 * RELIABILITY 10: the platform stops the process with SIGTERM (Heroku, Render) or SIGINT (Fly.io). The real
 * server runs in its own JVM, as on a dyno, with 50 runs active.
 */
class GracefulStopIT {
    private static final int CLIENTS = 50;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void everyClientHearsShuttingDownAndIsClosedWith1012AndTheProcessExitsQuickly(String signal) throws Exception {
        Path content = Files.createTempDirectory("pg-graceful");
        Files.writeString(content.resolve("index.md"), "---\ntitle: 시험\n---\n# 시험\n");
        List<SocketClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(ServerProcess.ownClassPath(), List.of("-Xmx300m"),
                Map.of("CONTENT_DIR", content.toString(), "PG_STARTS_PER_MINUTE", "1000",
                        "PG_COST_BUDGET", String.valueOf(TrainSocketTest.LONG_RUN_BUDGET)))) {
            int port = server.port();
            for (int i = 0; i < CLIENTS; i++) {
                SocketClient client = SocketClient.open(port, "graceful-" + signal + "-" + String.format("%03d", i));
                client.start(TrainSocketTest.LONG_RUN);
                clients.add(client);
            }
            for (SocketClient client : clients) {
                JsonNode first = client.next(30);
                assertTrue(List.of("started", "queued").contains(first.path("type").asText()), first.toString());
            }
            long signalledAt = System.nanoTime();
            server.signal(signal);
            boolean exited = server.process().waitFor(10, TimeUnit.SECONDS);
            assertTrue(exited, () -> "process still running 10 s after SIG" + signal + "; its threads:\n" + threads(server));
            long exitMs = (System.nanoTime() - signalledAt) / 1_000_000;
            for (SocketClient client : clients) {
                JsonNode error = client.until("error", 5).stream()
                        .filter(e -> e.path("type").asText().equals("error")).findFirst().orElseThrow();
                assertEquals("shutting_down", error.path("code").asText(), error.toString());
                assertEquals(1012, client.closed.get(5, TimeUnit.SECONDS));
            }
            System.out.println("SIG" + signal + ": exited after " + exitMs + " ms with " + CLIENTS + " runs active");
        }
    }

    /** What a process that did not stop is doing (jstack from the JDK that runs the tests). */
    private static String threads(ServerProcess server) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    String.valueOf(server.process().pid())).redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes());
            jstack.waitFor(10, TimeUnit.SECONDS);
            return dump;
        } catch (Exception e) {
            return "(no thread dump: " + e + ")";
        }
    }
}
