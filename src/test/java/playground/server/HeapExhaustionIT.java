package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import playground.loadtest.Abuse;
import playground.loadtest.ServerProcess;

/**
 * Issue 12's first attack, on the server as a 512 MB dyno runs it (its own JVM, -Xmx300m): one browser's four
 * sockets with the document that exhausted the heap are refused, and two browsers filling their sockets with the
 * heaviest documents the sandbox admits (~27 MB each, eight at once, ~220 MB if all were built) queue for memory
 * instead: every run ends with its own answer, a classmate's run finishes, the process lives and answers.
 */
class HeapExhaustionIT {
    @Test
    void heavyDocumentsFromManySocketsQueueForMemoryAndTheServerLives() throws Exception {
        Path content = Files.createTempDirectory("pg-heap");
        Files.writeString(content.resolve("index.md"), "---\ntitle: 시험\n---\n# 시험\n");
        List<SocketClient> clients = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(ServerProcess.ownClassPath(), List.of("-Xmx300m"),
                Map.of("CONTENT_DIR", content.toString()))) {
            int port = server.port();
            try {
                for (int s = 0; s < 4; s++) {
                    SocketClient attacker = SocketClient.open(port, "heap-attacker");
                    clients.add(attacker);
                    attacker.start(Abuse.HEAP_EXHAUSTION);
                    JsonNode refused = attacker.next(30);
                    assertEquals("too_expensive", refused.path("code").asText(), refused.toString());
                    assertTrue(refused.path("message").asText().contains("메모리"), refused.toString());
                }
                List<SocketClient> heavy = new ArrayList<>();
                for (int b = 0; b < 2; b++) {
                    for (int s = 0; s < 4; s++) {
                        SocketClient c = SocketClient.open(port, "heavy-" + b);
                        c.start(Abuse.HEAVY);
                        heavy.add(c);
                    }
                }
                clients.addAll(heavy);
                SocketClient classmate = SocketClient.open(port, "classmate");
                clients.add(classmate);
                classmate.start(TrainSocketTest.NOTES_MODEL);
                assertEquals(200, status(port, "/healthz"), "the server answers while the heavy runs train");
                classmate.until("done", 120);
                for (SocketClient c : heavy) c.until("done", 180);
                assertTrue(server.process().isAlive(), "no OutOfMemoryError ended the process");
                assertEquals(200, status(port, "/healthz"));
                System.out.println("heap attack under -Xmx300m: peak RSS " + server.memoryKb("VmHWM") / 1024 + " MB");
            } finally {
                clients.forEach(SocketClient::close);
            }
        }
    }

    private static int status(int port, String path) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
