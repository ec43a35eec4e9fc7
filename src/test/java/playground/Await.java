package playground;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded wait for a condition another thread makes true: a test that waits in vain fails saying for what. */
public final class Await {
    private Await() {}

    /** Polls {@code condition} every few milliseconds; an {@link AssertionError} naming {@code what} after {@code within}. */
    public static void until(Duration within, BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - until > 0) throw new AssertionError("not within " + within + ": " + what);
            Thread.sleep(2);
        }
    }
}
