package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real websocket client for tests: what arrives is queued as JSON, every wait is bounded. */
final class SocketClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private SocketClient(WebSocket.Builder builder, int port) throws Exception {
        this.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/train"), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    static SocketClient open(int port, String browser) throws Exception {
        return new SocketClient(HTTP.newWebSocketBuilder().header("Cookie", "pg_browser=" + browser), port);
    }

    static SocketClient open(int port, String browser, String origin) throws Exception {
        return new SocketClient(HTTP.newWebSocketBuilder().header("Cookie", "pg_browser=" + browser)
                .header("Origin", origin), port);
    }

    void start(String config) {
        send("{\"type\":\"start\",\"config\":" + config + "}");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next event, or fails the test after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode event = events.poll(seconds, TimeUnit.SECONDS);
        if (event == null) throw new AssertionError("no event within " + seconds + " s");
        return event;
    }

    /** Events up to and including the first of {@code type}. */
    List<JsonNode> until(String type, int seconds) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = until - System.nanoTime();
            JsonNode event = events.poll(Math.max(1, left), TimeUnit.NANOSECONDS);
            if (event == null) throw new AssertionError("no '" + type + "' within " + seconds + " s; saw " + seen);
            seen.add(event);
            if (event.path("type").asText().equals(type)) return seen;
        }
    }

    /** Drops the connection without a close handshake, as a browser tab that vanished. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    events.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
