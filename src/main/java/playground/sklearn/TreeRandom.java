package playground.sklearn;

/** The trees' own generator, {@code our_rand_r} of scikit-learn's {@code _utils.pyx}: xorshift on 32 bits. */
final class TreeRandom {
    static final long RAND_R_MAX = 0x7FFFFFFFL;
    private int state;

    TreeRandom(long seed) {
        state = (int) seed;
    }

    /** {@code rand_int(low, high)}: low + our_rand_r() % (high − low). */
    int nextInt(int low, int high) {
        if (state == 0) state = 1;   // DEFAULT_SEED: the seed must never be 0
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        long r = (state & 0xFFFFFFFFL) % (RAND_R_MAX + 1);
        return (int) (low + r % (high - low));
    }
}
