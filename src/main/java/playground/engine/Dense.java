package playground.engine;

import java.util.SplittableRandom;

/**
 * Keras's {@code Dense}: a = activation(x · kernel + bias), forward beside backward.
 *
 * <p>Works on batches held in flat row-major buffers allocated once for the largest batch ({@link #allocate}); a call
 * uses the first {@code rows} rows. Not thread-safe.
 */
public final class Dense {
    final String name;
    final int inputs;
    final int units;
    final Activation activation;
    final double alpha;
    /** inputs × units, row-major: kernel.value[k * units + o] connects input k to unit o. */
    final Parameter kernel;
    /** units. */
    final Parameter bias;

    /** The batch this layer last saw (the previous layer's output), rows × inputs. */
    private double[] input;
    /** Pre-activations z = x · kernel + bias, rows × units. */
    private double[] z;
    /** Outputs a = activation(z), rows × units. */
    double[] output;
    /** dLoss/dz, rows × units. */
    private double[] dZ;
    /** dLoss/dInput, rows × inputs: what the previous layer receives as dLoss/dOutput. */
    double[] dInput;

    Dense(String name, int inputs, int units, Activation activation, double alpha) {
        this.name = name;
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.alpha = alpha;
        this.kernel = new Parameter(inputs * units);
        this.bias = new Parameter(units);
    }

    /** glorot_uniform kernel: U[-l, l] with l = √(6 / (fan_in + fan_out)); zero bias. */
    void initialize(SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (inputs + units));
        for (int i = 0; i < kernel.value.length; i++) kernel.value[i] = limit * (2 * random.nextDouble() - 1);
        java.util.Arrays.fill(bias.value, 0.0);
    }

    void allocate(int capacity) {
        z = new double[capacity * units];
        output = new double[capacity * units];
        dZ = new double[capacity * units];
        dInput = new double[capacity * inputs];
    }

    /** output = activation(x · kernel + bias) for the first {@code rows} rows of {@code x}. */
    void forward(double[] x, int rows) {
        input = x;
        // z[q][o] = bias[o] + Σ_k x[q][k] · kernel[k][o]
        product(x, inputs, 1, kernel.value, units, 1, bias.value, z, rows, units, inputs);
        activation.forward(z, output, rows, units, alpha);
    }

    /**
     * From dLoss/dOutput, computes dLoss/dz, the kernel's and bias's gradients (summed over the batch) and, when
     * {@code needInputGradient}, dLoss/dInput for the layer below.
     */
    void backward(double[] dOutput, int rows, boolean needInputGradient) {
        activation.backward(z, output, dOutput, dZ, rows, units, alpha);
        // dLoss/dKernel[k][o] = Σ_q x[q][k] · dZ[q][o]
        product(input, 1, inputs, dZ, units, 1, null, kernel.gradient, inputs, units, rows);
        // dLoss/dBias[o] = Σ_q dZ[q][o]
        double[] gb = bias.gradient;
        java.util.Arrays.fill(gb, 0.0);
        for (int q = 0; q < rows; q++) {
            for (int o = 0, base = q * units; o < units; o++) gb[o] += dZ[base + o];
        }
        // dLoss/dInput[q][k] = Σ_o dZ[q][o] · kernel[k][o]
        if (needInputGradient) product(dZ, units, 1, kernel.value, 1, units, null, dInput, rows, inputs, units);
    }

    /**
     * The one matrix product all three passes use: c[i·n + j] = bias[j] (or 0) + Σ_t a[i·aRow + t·aCol] · b[t·bRow +
     * j·bCol] for i &lt; m, j &lt; n, t &lt; depth. The strides let the same loop read x · kernel, xᵀ · dZ and
     * dZ · kernelᵀ without copying. HotSpot does not vectorise these loops, so they are written as 3 × 4 blocks of
     * independent fused multiply-adds that the JIT keeps in registers (about 3× the plain loop); rows and columns
     * left over go through the simple loop below the blocks.
     */
    static void product(double[] a, int aRow, int aCol, double[] b, int bRow, int bCol, double[] bias,
                        double[] c, int m, int n, int depth) {
        int i = 0;
        for (; i + 2 < m; i += 3) {
            int a0 = i * aRow, a1 = a0 + aRow, a2 = a1 + aRow;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
                double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                double s20 = 0, s21 = 0, s22 = 0, s23 = 0;
                int b0 = j * bCol, b1 = b0 + bCol, b2 = b1 + bCol, b3 = b2 + bCol;
                for (int t = 0, at = 0, bt = 0; t < depth; t++, at += aCol, bt += bRow) {
                    double p0 = a[a0 + at], p1 = a[a1 + at], p2 = a[a2 + at];
                    double w = b[b0 + bt];
                    s00 = Math.fma(p0, w, s00);
                    s10 = Math.fma(p1, w, s10);
                    s20 = Math.fma(p2, w, s20);
                    w = b[b1 + bt];
                    s01 = Math.fma(p0, w, s01);
                    s11 = Math.fma(p1, w, s11);
                    s21 = Math.fma(p2, w, s21);
                    w = b[b2 + bt];
                    s02 = Math.fma(p0, w, s02);
                    s12 = Math.fma(p1, w, s12);
                    s22 = Math.fma(p2, w, s22);
                    w = b[b3 + bt];
                    s03 = Math.fma(p0, w, s03);
                    s13 = Math.fma(p1, w, s13);
                    s23 = Math.fma(p2, w, s23);
                }
                double u0 = 0, u1 = 0, u2 = 0, u3 = 0;
                if (bias != null) {
                    u0 = bias[j];
                    u1 = bias[j + 1];
                    u2 = bias[j + 2];
                    u3 = bias[j + 3];
                }
                int c0 = i * n + j, c1 = c0 + n, c2 = c1 + n;
                c[c0] = s00 + u0;
                c[c0 + 1] = s01 + u1;
                c[c0 + 2] = s02 + u2;
                c[c0 + 3] = s03 + u3;
                c[c1] = s10 + u0;
                c[c1 + 1] = s11 + u1;
                c[c1 + 2] = s12 + u2;
                c[c1 + 3] = s13 + u3;
                c[c2] = s20 + u0;
                c[c2 + 1] = s21 + u1;
                c[c2 + 2] = s22 + u2;
                c[c2 + 3] = s23 + u3;
            }
            for (; j < n; j++) {
                double s0 = 0, s1 = 0, s2 = 0;
                int bj = j * bCol;
                for (int t = 0, at = 0, bt = 0; t < depth; t++, at += aCol, bt += bRow) {
                    double w = b[bj + bt];
                    s0 = Math.fma(a[a0 + at], w, s0);
                    s1 = Math.fma(a[a1 + at], w, s1);
                    s2 = Math.fma(a[a2 + at], w, s2);
                }
                double u = bias == null ? 0 : bias[j];
                c[i * n + j] = s0 + u;
                c[(i + 1) * n + j] = s1 + u;
                c[(i + 2) * n + j] = s2 + u;
            }
        }
        for (; i < m; i++) {
            int a0 = i * aRow, c0 = i * n;
            for (int j = 0; j < n; j++) {
                double s = 0;
                int bj = j * bCol;
                for (int t = 0, at = 0, bt = 0; t < depth; t++, at += aCol, bt += bRow) {
                    s = Math.fma(a[a0 + at], b[bj + bt], s);
                }
                c[c0 + j] = s + (bias == null ? 0 : bias[j]);
            }
        }
    }

    public String name() {
        return name;
    }

    public int units() {
        return units;
    }

    public int inputs() {
        return inputs;
    }

    public Activation activation() {
        return activation;
    }

    public Parameter kernel() {
        return kernel;
    }

    public Parameter bias() {
        return bias;
    }

    public long paramCount() {
        return (long) inputs * units + units;
    }
}
