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
    /** Null: a dropped socket ends the student's run. Set: the student reconnects and resumes, as the widget does. */
    private final Histories histories;
    private static final int MAX_RECONNECTS = 20;
    private static final long RECONNECT_DELAY_MS = 250;
    /** The students' cookies are {@code pg_browser=<browser>-0000}, {@code -0001}, …: one browser each. */
    private final String browser;

    Students(int port, String startMessage, String browser) {
        this(port, startMessage, browser, null);
    }

    /** Students that resume their runs after a dropped socket, recording what they hear in {@code histories}. */
    Students(int port, String startMessage, String browser, Histories histories) {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.startMessage = startMessage;
        this.browser = browser;
        this.histories = histories;
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
            for (int i = 0; i < count; i++) new Student(i, times, start).connect(selector);
            int open = count;
            java.util.List<Student> reconnecting = new java.util.ArrayList<>();
            while (open > 0 && System.nanoTime() < until) {
                selector.select(50);
                for (java.util.Iterator<Student> it = reconnecting.iterator(); it.hasNext(); ) {
                    Student student = it.next();
                    if (System.nanoTime() < student.reconnectAt) continue;
                    it.remove();
                    try {
                        student.connect(selector);
                    } catch (IOException e) {
                        student.lost("error: " + e);
                        if (student.reconnectAt > 0) reconnecting.add(student);
                        else open--;
                    }
                }
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    Student student = (Student) key.attachment();
                    try {
                        student.handle(key);
                    } catch (IOException | RuntimeException e) {
                        student.lost("error: " + e);
                    }
                    if (student.ended() || student.reconnectAt > 0) {
                        key.cancel();
                        key.channel().close();
                        if (student.ended()) open--;
                        else reconnecting.add(student);
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
        private final Times times;
        private final long start;
        private SocketChannel channel;
        private String key;
        private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private boolean upgraded;
        private int reconnects;
        /** When a dropped student connects again (System.nanoTime), or 0 while connected. */
        long reconnectAt;

        Student(int index, Times times, long start) {
            this.index = index;
            this.times = times;
            this.start = start;
        }

        /** Opens a fresh socket (the first, or after a drop) and registers it. */
        void connect(Selector selector) throws IOException {
            reconnectAt = 0;
            key = WebSocketWire.newKey();
            in.clear();
            out.clear();
            message.reset();
            upgraded = false;
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(server);
            channel.register(selector, SelectionKey.OP_CONNECT, this);
        }

        /**
         * The socket went without the run's end: a resuming student (one that knows its run) tries again a little later,
         * any other ends with {@code outcome}.
         */
        void lost(String outcome) {
            if (ended()) return;
            if (histories != null && histories.run[index] != null && reconnects < MAX_RECONNECTS) {
                reconnects++;
                reconnectAt = System.nanoTime() + RECONNECT_DELAY_MS * 1_000_000;
                return;
            }
            end(outcome);
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
            if (!ended() && reconnectAt == 0) selected.interestOps(out.isEmpty() ? SelectionKey.OP_READ
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
                lost(upgraded ? "closed without an ending" : "closed during the handshake");
                return;
            }
            in.flip();
            if (!upgraded) readHandshake();
            while (upgraded && !ended() && reconnectAt == 0 && readFrame()) {
                // one frame handled per pass
            }
            in.compact();
        }

        private void readHandshake() throws IOException {
            String head = StandardCharsets.US_ASCII.decode(in.duplicate()).toString();
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) return;
            if (!head.startsWith("HTTP/1.1 101") || !head.contains(WebSocketWire.accept(key))) {
                lost("refused: " + head.lines().findFirst().orElse(""));
                return;
            }
            in.position(in.position() + end + 4);
            upgraded = true;
            if (times.connected[index] < 0) times.connected[index] = now();
            String resume = histories == null ? null : histories.resumeMessage(index);
            send(WebSocketWire.frame(0x1, (resume != null ? resume : startMessage).getBytes(StandardCharsets.UTF_8)));
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
                case 0x8 -> lost("closed " + (payload.length >= 2 ? ((payload[0] & 0xFF) << 8 | payload[1] & 0xFF) : 1005));
                case 0x9 -> send(WebSocketWire.frame(0xA, payload));
                default -> { }  // pong or binary: not sent by this server
            }
            return true;
        }

        private void onText(String text) {
            if (histories != null) histories.heard(index, text);
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
