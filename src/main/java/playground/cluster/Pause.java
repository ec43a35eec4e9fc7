package playground.cluster;

/** The cluster's loops wait between rounds; an interrupt (their close) ends the wait and is kept for the loop to see. */
final class Pause {
    private Pause() {}

    static void sleep(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
