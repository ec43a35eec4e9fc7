package playground.sklearn;

/**
 * NumPy's legacy {@code numpy.random.RandomState}: MT19937 seeded as NumPy seeds it, with the draws scikit-learn
 * makes ({@code random_sample}, {@code randint}, {@code permutation}, {@code shuffle}) bit for bit, so a
 * {@code random_state} in a document picks the same rows, features and centres as in scikit-learn. Not thread-safe.
 */
public final class RandomState {
    private static final int N = 624, M = 397;
    private final int[] key = new int[N];
    private int pos;

    /** {@code RandomState(seed)} for {@code 0 <= seed < 2^32} (NumPy's {@code init_genrand}). */
    public RandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) throw new IllegalArgumentException("seed must be in 0..2^32-1, got " + seed);
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            key[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** The next 32 random bits, as an unsigned value. */
    long nextUint32() {
        if (pos == N) generate();
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void generate() {
        for (int i = 0; i < N; i++) {
            int y = (key[i] & 0x80000000) | (key[(i + 1) % N] & 0x7fffffff);
            key[i] = key[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        pos = 0;
    }

    /** {@code random_sample()}: a double in [0, 1) from 53 random bits. */
    public double randomSample() {
        long a = nextUint32() >>> 5, b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code randint(low, high)}: NumPy's masked rejection draw in [low, high). */
    public long randint(long low, long high) {
        if (high <= low) throw new IllegalArgumentException("low >= high: " + low + " >= " + high);
        return low + interval(high - 1 - low);
    }

    /** {@code randint(0, high, size)}. */
    public int[] randints(int high, int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = (int) randint(0, high);
        return out;
    }

    /** {@code permutation(n)}: a shuffled {@code arange(n)}. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        shuffle(a);
        return a;
    }

    /** {@code shuffle(a)}: Fisher–Yates from the end, as NumPy's legacy {@code _shuffle_raw}. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A uniform value in [0, max]: the smallest covering bit mask, redrawn until it fits (NumPy's masked draw). */
    private long interval(long max) {
        if (max == 0) return 0;
        if (max > 0xFFFFFFFFL) throw new IllegalArgumentException("range above 2^32 is not needed here: " + max);
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        while ((value = nextUint32() & mask) > max) { /* redraw */ }
        return value;
    }
}
