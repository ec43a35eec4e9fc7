package playground.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A browser that vanished without FIN or RST, on a raw TCP socket: it does the websocket handshake, starts
 * {@link TrainSocketTest#LONG_RUN} and then neither reads nor writes, so it never sees a ping and never answers one.
 */
final class SilentClient {
    private SilentClient() {}

    /** Connects with a tiny receive buffer, starts a long run, and from then on neither reads nor writes. */
    static void startLongRun(Socket socket, int port, String browser) throws Exception {
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        handshake(socket, port, browser);
        sendText(socket.getOutputStream(), "{\"type\":\"start\",\"config\":" + TrainSocketTest.LONG_RUN + "}");
    }

    private static void handshake(Socket socket, int port, String browser) throws Exception {
        String key = Base64.getEncoder().encodeToString("silent-client-ky".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws/train HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Cookie: pg_browser=" + browser + "\r\n\r\n";
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
}
