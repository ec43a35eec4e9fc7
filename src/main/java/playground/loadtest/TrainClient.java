package playground.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser's {@code /ws/train} socket, for the commands here and the tests: every event is queued as JSON, pings
 * are counted (Java's client answers each with a pong itself, as a browser does), every wait is bounded.
 */
public final class TrainClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    /** Completes with the close status, or -1 when the connection failed. */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final WebSocket socket;

    private TrainClient(int port, String cookie, String origin) throws Exception {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cookie != null) builder.header("Cookie", "pg_browser=" + cookie);
        if (origin != null) builder.header("Origin", origin);
        this.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/train"), new Listener())
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens the socket as the browser called {@code browser} (see {@link Sessions}), sending {@code origin} unless null. */
    public static TrainClient open(int port, String browser, String origin) throws Exception {
        return new TrainClient(port, Sessions.cookie(port, browser), origin);
    }

    /** Opens the socket with exactly this {@code pg_browser} value (null: no cookie), as a script could. */
    public static TrainClient openWithCookie(int port, String cookie) throws Exception {
        return new TrainClient(port, cookie, null);
    }

    public void start(String config) {
        send("{\"type\":\"start\",\"config\":" + config + "}");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Events up to and including the first of {@code type}; without it at the end when {@code seconds} ran out. */
    public List<JsonNode> until(String type, int seconds) throws InterruptedException {
        List<JsonNode> seen = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            JsonNode event = events.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) return seen;
            seen.add(event);
            if (event.path("type").asText().equals(type)) return seen;
        }
    }

    /** Whether {@code seen} (as {@link #until} returned it) ends with an event of {@code type}. */
    public static boolean reached(List<JsonNode> seen, String type) {
        return !seen.isEmpty() && seen.get(seen.size() - 1).path("type").asText().equals(type);
    }

    public int pings() {
        return pings.get();
    }

    /** Drops the connection without a close handshake, as a browser tab that vanished. */
    public void abort() {
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
                events.add(parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
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

    /** The server only sends JSON; anything else is queued as a {@code not_json} event, for the caller to see. */
    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode().put("type", "not_json").put("text", text);
        }
    }
}
