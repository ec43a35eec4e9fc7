package playground.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import playground.loadtest.TrainClient;

/** A real websocket client for tests ({@link TrainClient}) whose waits fail the test when they run out. */
final class SocketClient implements AutoCloseable {
    final BlockingQueue<JsonNode> events;
    final CompletableFuture<Integer> closed;
    private final TrainClient client;

    private SocketClient(TrainClient client) {
        this.client = client;
        this.events = client.events;
        this.closed = client.closed;
    }

    static SocketClient open(int port, String browser) throws Exception {
        return new SocketClient(TrainClient.open(port, browser, null));
    }

    static SocketClient open(int port, String browser, String origin) throws Exception {
        return new SocketClient(TrainClient.open(port, browser, origin));
    }

    void start(String config) {
        client.start(config);
    }

    void send(String text) {
        client.send(text);
    }

    /** The next event, or fails the test after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode event = events.poll(seconds, TimeUnit.SECONDS);
        if (event == null) throw new AssertionError("no event within " + seconds + " s");
        return event;
    }

    /** Events up to and including the first of {@code type}, or fails the test after {@code seconds}. */
    List<JsonNode> until(String type, int seconds) throws InterruptedException {
        List<JsonNode> seen = client.until(type, seconds);
        if (!TrainClient.reached(seen, type)) {
            throw new AssertionError("no '" + type + "' within " + seconds + " s; saw " + seen);
        }
        return seen;
    }

    /** Pings received so far; each was answered with a pong. */
    int pings() {
        return client.pings();
    }

    /** Drops the connection without a close handshake, as a browser tab that vanished. */
    void abort() {
        client.abort();
    }

    @Override
    public void close() {
        client.close();
    }
}
