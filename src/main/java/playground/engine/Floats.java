package playground.engine;

/** Conversions at the engine's edge: it computes in float32, as Keras does, and speaks double to the rest. */
public final class Floats {
    private Floats() {}

    /** Each value rounded to float. */
    public static float[] of(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    /** Each value exactly as a double. */
    public static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
