package playground.sklearn;

/**
 * The splitter's sort of a node's feature values with their sample indices ({@code _splitter.pyx}: introsort,
 * median-of-three, three-way partition, heapsort past 2·log₂ n levels). Ported as is so that equal values end in
 * scikit-learn's order, which decides the order of later sums.
 */
final class TreeSort {
    private TreeSort() {}

    static void sort(float[] v, int[] s, int from, int n) {
        if (n == 0) return;
        int maxd = 2 * (int) (Math.log(n) / Math.log(2.0));
        introsort(v, s, from, n, maxd);
    }

    private static void swap(float[] v, int[] s, int i, int j) {
        float t = v[i];
        v[i] = v[j];
        v[j] = t;
        int u = s[i];
        s[i] = s[j];
        s[j] = u;
    }

    private static float median3(float[] v, int from, int n) {
        float a = v[from], b = v[from + n / 2], c = v[from + n - 1];
        if (a < b) {
            if (b < c) return b;
            return a < c ? c : a;
        }
        if (b < c) return a < c ? a : c;
        return b;
    }

    private static void introsort(float[] v, int[] s, int from, int n, int maxd) {
        while (n > 1) {
            if (maxd <= 0) {
                heapsort(v, s, from, n);
                return;
            }
            maxd--;
            float pivot = median3(v, from, n);
            int i = 0, l = 0, r = n;
            while (i < r) {
                if (v[from + i] < pivot) {
                    swap(v, s, from + i++, from + l++);
                } else if (v[from + i] > pivot) {
                    swap(v, s, from + i, from + --r);
                } else {
                    i++;
                }
            }
            introsort(v, s, from, l, maxd);
            from += r;
            n -= r;
        }
    }

    private static void siftDown(float[] v, int[] s, int from, int start, int end) {
        int root = start;
        while (true) {
            int child = root * 2 + 1, max = root;
            if (child < end && v[from + max] < v[from + child]) max = child;
            if (child + 1 < end && v[from + max] < v[from + child + 1]) max = child + 1;
            if (max == root) return;
            swap(v, s, from + root, from + max);
            root = max;
        }
    }

    private static void heapsort(float[] v, int[] s, int from, int n) {
        for (int start = (n - 2) / 2; ; start--) {
            siftDown(v, s, from, start, n);
            if (start == 0) break;
        }
        for (int end = n - 1; end > 0; end--) {
            swap(v, s, from, from + end);
            siftDown(v, s, from, 0, end);
        }
    }
}
