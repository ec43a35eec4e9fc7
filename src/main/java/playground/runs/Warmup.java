package playground.runs;

import playground.document.InvalidConfigException;
import playground.document.NotesRun;
import playground.document.RunSpec;
/**
 * Trains the notes' model once in the background when the server starts, so the JIT has compiled the trainer's
 * hot loops before the first student presses Run. A restarted dyno (every day, at least) otherwise runs its first
 * class's runs several times slower. About half a second of one core; never touches the scheduler.
 */
public final class Warmup {
    private Warmup() {}

    /** Trains the notes' model, then runs {@code andThen} (the server's visit to itself), on one background thread. */
    public static void inBackground(Runnable andThen) {
        Thread thread = new Thread(() -> {
            run();
            andThen.run();
        }, "jit-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            Runner.run(RunSpec.parse(NotesRun.DOCUMENT), 0);
        } catch (InvalidConfigException | RuntimeException e) {
            System.getLogger(Warmup.class.getName()).log(System.Logger.Level.WARNING, "warm-up failed", e);
        }
    }
}
