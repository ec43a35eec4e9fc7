package playground.engine;

/**
 * The activation functions a {@link Dense} layer may apply, each beside its derivative.
 *
 * <p>Buffers are row arrays, {@code [row][unit]}; a call uses the first {@code rows} rows. {@code forward} maps the pre-activation {@code z} to the output
 * {@code a}; {@code backward} turns dLoss/da into dLoss/dz. {@code alpha} is the slope of {@code leaky_relu} for negative
 * inputs and the scale of {@code elu}; the others ignore it. Float32 throughout, as Keras computes. Stateless: shared
 * freely between threads.
 */
public enum Activation {
    /** a = z. */
    LINEAR("linear") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) System.arraycopy(zs[r], 0, as[r], 0, units);
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) System.arraycopy(dAs[r], 0, dZs[r], 0, units);
        }
    },
    /** a = 1 / (1 + e^-z);  da/dz = a (1 - a). */
    SIGMOID("sigmoid") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r];
                for (int i = 0; i < units; i++) a[i] = 1f / (1f + (float) Math.exp(-z[i]));
            }
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r], dA = dAs[r], dZ = dZs[r];
                for (int i = 0; i < units; i++) dZ[i] = dA[i] * a[i] * (1f - a[i]);
            }
        }
    },
    /** a = tanh z;  da/dz = 1 - a². */
    TANH("tanh") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r];
                for (int i = 0; i < units; i++) a[i] = (float) Math.tanh(z[i]);
            }
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r], dA = dAs[r], dZ = dZs[r];
                for (int i = 0; i < units; i++) dZ[i] = dA[i] * (1f - a[i] * a[i]);
            }
        }
    },
    /** a = max(0, z);  da/dz = 1 where z > 0, else 0 (TensorFlow's choice at z = 0). */
    RELU("relu") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r];
                for (int i = 0; i < units; i++) a[i] = Math.max(z[i], 0f);  // branch-free: vectorises
            }
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r], dA = dAs[r], dZ = dZs[r];
                for (int i = 0; i < units; i++) dZ[i] = positive(a[i]) * dA[i];
            }
        }
    },
    /** a = z for z > 0, alpha·z otherwise;  da/dz = 1 or alpha. */
    LEAKY_RELU("leaky_relu") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r];
                for (int i = 0; i < units; i++) a[i] = z[i] > 0 ? z[i] : alpha * z[i];
            }
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r], dA = dAs[r], dZ = dZs[r];
                for (int i = 0; i < units; i++) dZ[i] = z[i] > 0 ? dA[i] : alpha * dA[i];
            }
        }
    },
    /** a = z for z > 0, alpha·(e^z - 1) otherwise;  da/dz = 1 or a + alpha. */
    ELU("elu") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r];
                for (int i = 0; i < units; i++) a[i] = z[i] > 0 ? z[i] : alpha * (float) Math.expm1(z[i]);
            }
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r], dA = dAs[r], dZ = dZs[r];
                for (int i = 0; i < units; i++) dZ[i] = z[i] > 0 ? dA[i] : dA[i] * (a[i] + alpha);
            }
        }
    },
    /**
     * a_j = e^(z_j - max z) / Σ_k e^(z_k - max z), per row;  dLoss/dz_j = a_j (dLoss/da_j - Σ_k dLoss/da_k · a_k).
     */
    SOFTMAX("softmax") {
        @Override void forward(float[][] zs, float[][] as, int rows, int units, float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] z = zs[r], a = as[r];
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < units; j++) max = Math.max(max, z[j]);
                float sum = 0;
                for (int j = 0; j < units; j++) {
                    a[j] = (float) Math.exp(z[j] - max);
                    sum += a[j];
                }
                for (int j = 0; j < units; j++) a[j] /= sum;
            }
        }
        @Override void backward(float[][] zs, float[][] as, float[][] dAs, float[][] dZs, int rows, int units,
                                float alpha) {
            for (int r = 0; r < rows; r++) {
                float[] a = as[r], dA = dAs[r], dZ = dZs[r];
                float dot = 0;
                for (int j = 0; j < units; j++) dot += dA[j] * a[j];
                for (int j = 0; j < units; j++) dZ[j] = a[j] * (dA[j] - dot);
            }
        }
    };

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The name Keras uses, e.g. {@code "leaky_relu"}. */
    public String kerasName() {
        return kerasName;
    }

    /** The default {@code alpha} Keras uses for this activation (0.01 for leaky_relu as the notes teach, 1 for elu). */
    public double defaultAlpha() {
        return this == ELU ? 1.0 : this == LEAKY_RELU ? 0.01 : 0.0;
    }

    /** Whether {@code alpha} means something for this activation. */
    public boolean takesAlpha() {
        return this == ELU || this == LEAKY_RELU;
    }

    /** The activation called {@code name} in Keras, or {@code null}. */
    public static Activation byName(String name) {
        for (Activation a : values()) if (a.kerasName.equals(name)) return a;
        return null;
    }

    /**
     * 1 for a &gt; 0, 0 for a = 0 (a relu output), without a branch, so the loop vectorises: two scalings by powers of
     * two, each capped at 1, carry even the smallest positive float (2^-149) up to 1 and leave 0 at 0.
     */
    static float positive(float a) {
        return Math.min(Math.min(a * 0x1p100f, 1f) * 0x1p50f, 1f);
    }

    /** a = f(z) for the first {@code rows} rows. */
    abstract void forward(float[][] z, float[][] a, int rows, int units, float alpha);

    /** dLoss/dz from dLoss/da, given the z and a of the forward pass. */
    abstract void backward(float[][] z, float[][] a, float[][] dA, float[][] dZ, int rows, int units, float alpha);
}
