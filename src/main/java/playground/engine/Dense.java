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
     * dZ · kernelᵀ without copying. Written as 2 × 4 blocks of independent accumulators (fused multiply-adds), which
     * the JIT keeps in registers; this is what makes the engine fast without SIMD intrinsics.
     */
    static void product(double[] a, int aRow, int aCol, double[] b, int bRow, int bCol, double[] bias,
                        double[] c, int m, int n, int depth) {
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int a0 = i * aRow, a1 = a0 + aRow, c0 = i * n, c1 = c0 + n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
                if (bias != null) {
                    s00 = bias[j];
                    s01 = bias[j + 1];
                    s02 = bias[j + 2];
                    s03 = bias[j + 3];
                }
                double s10 = s00, s11 = s01, s12 = s02, s13 = s03;
                int b0 = j * bCol, b1 = b0 + bCol, b2 = b1 + bCol, b3 = b2 + bCol;
                for (int t = 0, at = 0, bt = 0; t < depth; t++, at += aCol, bt += bRow) {
                    double p = a[a0 + at], r = a[a1 + at];
                    double w0 = b[b0 + bt], w1 = b[b1 + bt], w2 = b[b2 + bt], w3 = b[b3 + bt];
                    s00 = Math.fma(p, w0, s00);
                    s01 = Math.fma(p, w1, s01);
                    s02 = Math.fma(p, w2, s02);
                    s03 = Math.fma(p, w3, s03);
                    s10 = Math.fma(r, w0, s10);
                    s11 = Math.fma(r, w1, s11);
                    s12 = Math.fma(r, w2, s12);
                    s13 = Math.fma(r, w3, s13);
                }
                c[c0 + j] = s00;
                c[c0 + j + 1] = s01;
                c[c0 + j + 2] = s02;
                c[c0 + j + 3] = s03;
                c[c1 + j] = s10;
                c[c1 + j + 1] = s11;
                c[c1 + j + 2] = s12;
                c[c1 + j + 3] = s13;
            }
            for (; j < n; j++) {
                double s0 = bias == null ? 0 : bias[j], s1 = s0;
                int bj = j * bCol;
                for (int t = 0, at = 0, bt = 0; t < depth; t++, at += aCol, bt += bRow) {
                    double w = b[bj + bt];
                    s0 = Math.fma(a[a0 + at], w, s0);
                    s1 = Math.fma(a[a1 + at], w, s1);
                }
                c[c0 + j] = s0;
                c[c1 + j] = s1;
            }
        }
        for (; i < m; i++) {
            int a0 = i * aRow, c0 = i * n;
            for (int j = 0; j < n; j++) {
                double s = bias == null ? 0 : bias[j];
                int bj = j * bCol;
                for (int t = 0, at = 0, bt = 0; t < depth; t++, at += aCol, bt += bRow) {
                    s = Math.fma(a[a0 + at], b[bj + bt], s);
                }
                c[c0 + j] = s;
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
