package playground.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds sockets whose client stopped answering pings (RELIABILITY 6 and 8). Jetty's idle timeout cannot: a client
 * that never reads, or that vanished without FIN or RST, still has the server writing events and pings into the
 * kernel's buffers, so its connection never looks idle and its run goes on to the deadline. A browser answers
 * every ping with a pong, so bytes received are the sign of life: a socket that received nothing during two ping
 * intervals ignored two pings in a row. Javalin drops pongs before our handlers see them, so the count comes from
 * the Jetty session under Javalin's (public Jetty API, reached by a cast); a session of another type is not
 * watched, which is logged once. Thread-safe.
 */
final class Liveness {
    private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);
    private static final AtomicBoolean UNWATCHABLE_LOGGED = new AtomicBoolean();

    private final ScheduledExecutorService timer;
    private final long intervalMs;
    private final AtomicLong dropped = new AtomicLong();

    Liveness(ScheduledExecutorService timer, Duration pingInterval) {
        this.timer = timer;
        this.intervalMs = pingInterval.toMillis();
    }

    /**
     * Reads what {@code session} has received once a ping interval; the first time nothing arrived for two
     * intervals, stops and calls {@code onSilent} (on the timer thread).
     *
     * @return what stops the watch, to call when the socket closes
     */
    Runnable watch(Session session, Runnable onSilent) {
        LongSupplier bytesIn = bytesIn(session);
        if (bytesIn == null) return () -> {};
        Watch watch = new Watch(session, bytesIn, onSilent);
        watch.future = timer.scheduleAtFixedRate(watch, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return watch::stop;
    }

    /** Sockets dropped so far because they stopped answering pings. */
    long dropped() {
        return dropped.get();
    }

    private static LongSupplier bytesIn(Session session) {
        if (session instanceof WebSocketSession jetty && jetty.getCoreSession() instanceof WebSocketCoreSession core) {
            return () -> core.getConnection().getBytesIn();
        }
        if (UNWATCHABLE_LOGGED.compareAndSet(false, true)) {
            LOG.warn("websocket session is a {}, not Jetty's: unresponsive clients are not detected",
                    session.getClass().getName());
        }
        return null;
    }

    /** One socket: a reading per interval, the two before kept. */
    private final class Watch implements Runnable {
        private final Session session;
        private final LongSupplier bytesIn;
        private final Runnable onSilent;
        private long twoAgo = -1;
        private long oneAgo;
        private volatile boolean stopped;
        volatile ScheduledFuture<?> future;

        Watch(Session session, LongSupplier bytesIn, Runnable onSilent) {
            this.session = session;
            this.bytesIn = bytesIn;
            this.onSilent = onSilent;
            this.oneAgo = bytesIn.getAsLong();
        }

        @Override
        public void run() {
            if (stopped) return;
            long now = bytesIn.getAsLong();
            if (now == twoAgo) {
                stop();
                dropped.incrementAndGet();
                LOG.info("dropping websocket from {}: no byte received in {} ms (two pings unanswered)",
                        session.getRemoteSocketAddress(), 2 * intervalMs);
                onSilent.run();
                return;
            }
            twoAgo = oneAgo;
            oneAgo = now;
        }

        void stop() {
            stopped = true;
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) scheduled.cancel(false);
        }
    }
}
