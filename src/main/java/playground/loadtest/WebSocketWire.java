package playground.loadtest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The browser's side of RFC 6455 on a raw socket, for clients that need what a websocket library hides: many
 * sockets on one thread ({@link Students}) or a socket that stops reading (the tests' silent browser).
 */
public final class WebSocketWire {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocketWire() {}

    /** A fresh Sec-WebSocket-Key: 16 random bytes in Base64. */
    public static String newKey() {
        return Base64.getEncoder().encodeToString(randomBytes(16));
    }

    /** The upgrade request for {@code /ws/train} as the browser called {@code browser} (see {@link Sessions}) sends it. */
    public static byte[] upgradeRequest(String hostAndPort, String key, String browser) {
        int port = Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
        return ("GET /ws/train HTTP/1.1\r\nHost: " + hostAndPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
                + "\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nCookie: pg_browser="
                + Sessions.cookie(port, browser) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The Sec-WebSocket-Accept the server must answer to {@code key}. */
    public static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** One final, masked frame, as browsers send (RFC 6455 §5.3). */
    public static ByteBuffer frame(int opcode, byte[] payload) {
        byte[] mask = randomBytes(4);
        ByteBuffer frame = ByteBuffer.allocate(14 + payload.length);
        frame.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) frame.put((byte) (payload[i] ^ mask[i & 3]));
        return frame.flip();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
