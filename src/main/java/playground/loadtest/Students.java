package playground.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * A class of students, each a browser with its own cookie pressing Run once: N websockets driven by one thread
 * over NIO. In a real class the browsers' work happens on the students' laptops; a client this cheap (the JDK's
 * HttpClient spent seconds of CPU on the same two cores) leaves the machine to the server being measured.
 * Speaks just enough RFC 6455: the handshake, masked text frames out, text/continuation/ping/close frames in,
 * and a pong for every ping, as a browser does.
 */
final class Students {
    /** Milliseconds from {@link #run}'s start; -1 where it never happened. */
    record Times(long[] connected, long[] started, long[] firstEpoch, long[] ended, String[] outcome) {
        static Times of(int n) {
            long[][] columns = new long[4][n];
            for (long[] column : columns) Arrays.fill(column, -1);
            return new Times(columns[0], columns[1], columns[2], columns[3], new String[n]);
        }
    }

    private final InetSocketAddress server;
    private final String startMessage;
    /** The students' cookies are {@code pg_browser=<browser>-0000}, {@code -0001}, …: one browser each. */
    private final String browser;

    Students(int port, String startMessage, String browser) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.startMessage = startMessage;
        this.browser = browser;
    }

    /**
     * Each student's page load, which gives the cookie the socket needs (cached, so calling it again costs nothing).
     * A benchmark does it before letting the server settle, as a class opens the lesson before pressing Run.
     */
    void loadPages(int count) {
        for (int i = 0; i < count; i++) Sessions.cookie(server.getPort(), name(i));
    }

    private String name(int index) {
        return browser + "-" + String.format("%04d", index);
    }

    /** Connects {@code count} students at once and waits until every run ends or {@code timeout} passes. */
    Times run(int count, long timeout, TimeUnit unit) throws IOException {
        Times times = Times.of(count);
        loadPages(count);  // if the caller did not already, before the clock starts
        long start = System.nanoTime();
        long until = start + unit.toNanos(timeout);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.connect(server);
                channel.register(selector, SelectionKey.OP_CONNECT, new Student(i, channel, times, start));
            }
            int open = count;
            while (open > 0 && System.nanoTime() < until) {
                selector.select(100);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    Student student = (Student) key.attachment();
                    try {
                        student.handle(key);
                    } catch (IOException | RuntimeException e) {
                        student.end("error: " + e);
                    }
                    if (student.ended()) {
                        key.cancel();
                        key.channel().close();
                        open--;
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                ((Student) key.attachment()).end("timeout");
                key.channel().close();
            }
        }
        return times;
    }

    /** One browser's socket: handshake, start, then events until done, error, cancelled or close. */
    private final class Student {
        private final int index;
        private final SocketChannel channel;
        private final Times times;
        private final long start;
        private final String key = WebSocketWire.newKey();
        private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private boolean upgraded;

        Student(int index, SocketChannel channel, Times times, long start) {
            this.index = index;
            this.channel = channel;
            this.times = times;
            this.start = start;
        }

        boolean ended() {
            return times.outcome[index] != null;
        }

        void end(String outcome) {
            if (ended()) return;
            times.outcome[index] = outcome;
            times.ended[index] = now();
        }

        void handle(SelectionKey selected) throws IOException {
            if (selected.isConnectable() && channel.finishConnect()) {
                send(ByteBuffer.wrap(WebSocketWire.upgradeRequest(server.getHostString() + ":" + server.getPort(), key,
                        name(index))));
            }
            if (selected.isValid() && selected.isReadable()) read();
            if (selected.isValid() && selected.isWritable()) flush();
            if (!ended()) selected.interestOps(out.isEmpty() ? SelectionKey.OP_READ
                    : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }

        private void send(ByteBuffer bytes) throws IOException {
            out.add(bytes);
            flush();
        }

        private void flush() throws IOException {
            while (!out.isEmpty()) {
                channel.write(out.peek());
                if (out.peek().hasRemaining()) return;
                out.poll();
            }
        }

        private void read() throws IOException {
            if (channel.read(in) < 0) {
                end(upgraded ? "closed without an ending" : "closed during the handshake");
                return;
            }
            in.flip();
            if (!upgraded) readHandshake();
            while (upgraded && !ended() && readFrame()) {
                // one frame handled per pass
            }
            in.compact();
        }

        private void readHandshake() throws IOException {
            String head = StandardCharsets.US_ASCII.decode(in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) return;
            if (!head.startsWith("HTTP/1.1 101") || !head.contains(WebSocketWire.accept(key))) {
                end("refused: " + head.lines().findFirst().orElse(""));
                return;
            }
            in.position(in.position() + end + 4);
            upgraded = true;
            times.connected[index] = now();
            send(WebSocketWire.frame(0x1, startMessage.getBytes(StandardCharsets.UTF_8)));
        }

        /** Handles one whole frame if the buffer holds one; false when more bytes are needed. */
        private boolean readFrame() throws IOException {
            if (in.remaining() < 2) return false;
            int at = in.position();
            int first = in.get(at) & 0xFF;
            long length = in.get(at + 1) & 0x7F;
            int header = 2;
            if (length == 126) {
                if (in.remaining() < 4) return false;
                length = in.getShort(at + 2) & 0xFFFF;
                header = 4;
            } else if (length == 127) {
                if (in.remaining() < 10) return false;
                length = in.getLong(at + 2);
                header = 10;
            }
            if (length > in.capacity() - header) throw new IOException("frame of " + length + " bytes");
            if (in.remaining() < header + length) return false;
            byte[] payload = new byte[(int) length];
            in.position(at + header);
            in.get(payload);
            int opcode = first & 0x0F;
            switch (opcode) {
                case 0x0, 0x1 -> {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        onText(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
                case 0x8 -> end("closed " + (payload.length >= 2 ? ((payload[0] & 0xFF) << 8 | payload[1] & 0xFF) : 1005));
                case 0x9 -> send(WebSocketWire.frame(0xA, payload));
                default -> { }  // pong or binary: not sent by this server
            }
            return true;
        }

        private void onText(String text) {
            if (times.started[index] < 0 && text.contains("\"type\":\"started\"")) times.started[index] = now();
            if (times.firstEpoch[index] < 0
                    && (text.contains("\"type\":\"epoch\"") || text.contains("\"type\":\"epochs\""))) {
                times.firstEpoch[index] = now();
            }
            if (text.contains("\"type\":\"done\"")) end("done");
            else if (text.contains("\"type\":\"error\"") || text.contains("\"type\":\"cancelled\"")) end(text);
        }

        private long now() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
