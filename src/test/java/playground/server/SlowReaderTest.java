package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import playground.runs.RunLimits;

/**
 * RELIABILITY 8: a client that never reads its socket cannot grow the server's memory. The client is a raw TCP
 * socket with a tiny receive buffer that does the websocket handshake, asks for a long run (one event per epoch)
 * and then reads nothing more. What it does not read waits in the kernel's socket buffers, not in our heap;
 * once those are full, {@link Outbox} stops at {@value Outbox#MAX_IN_FLIGHT} unsent messages and cancels the run.
 */
class SlowReaderTest {
    @Test
    void aClientThatStopsReadingCannotGrowTheHeapAndLeavesNoRunBehind() throws Exception {
        RunLimits limits = RunLimits.defaults().withWorkers(2).withStartsPerMinute(1000).withEventsPerSecond(1000);
        try (TestServer server = TestServer.start(limits); Socket socket = new Socket()) {
            socket.setReceiveBufferSize(1024);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            handshake(socket, server.port());
            sendText(socket.getOutputStream(), "{\"type\":\"start\",\"config\":" + TrainSocketTest.LONG_RUN + "}");
            long heapBefore = usedHeap();
            long started = System.nanoTime();
            server.awaitActive(1, Duration.ofSeconds(10));
            server.awaitIdle(Duration.ofSeconds(40));
            long cancelledAfterMs = (System.nanoTime() - started) / 1_000_000;
            long heapGrowth = usedHeap() - heapBefore;
            System.out.println("slow reader: run over after " + cancelledAfterMs + " ms; heap growth "
                    + heapGrowth / 1024 + " KiB");
            assertTrue(heapGrowth < 32L * 1024 * 1024, "heap grew by " + heapGrowth);
            assertEquals(200, server.get("/healthz").statusCode());
        }
    }

    private static void handshake(Socket socket, int port) throws Exception {
        String key = Base64.getEncoder().encodeToString("slow-reader-key!".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws/train HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Cookie: pg_browser=slow-reader-0001\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new AssertionError("connection closed during handshake: " + head);
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
    }

    /** One masked text frame, as a browser sends it (RFC 6455 §5.2). */
    private static void sendText(OutputStream out, String text) throws Exception {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ mask[i % 4]);
        out.flush();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
