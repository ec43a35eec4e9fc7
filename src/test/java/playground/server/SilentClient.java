package playground.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import playground.loadtest.WebSocketWire;

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
        socket.getOutputStream().write(WebSocketWire.upgradeRequest("127.0.0.1:" + port, WebSocketWire.newKey(), browser));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new AssertionError("connection closed during handshake: " + head);
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
    }

    private static void sendText(OutputStream out, String text) throws Exception {
        ByteBuffer frame = WebSocketWire.frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        out.write(frame.array(), 0, frame.limit());
        out.flush();
    }
}
