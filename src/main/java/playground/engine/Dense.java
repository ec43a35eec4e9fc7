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
    /** The kernel transposed (units × inputs), refreshed after every update, so backward reads it contiguously. */
    private final double[] kernelT;

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
        this.kernelT = new double[inputs * units];
    }

    /** glorot_uniform kernel: U[-l, l] with l = √(6 / (fan_in + fan_out)); zero bias. */
    void initialize(SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (inputs + units));
        for (int i = 0; i < kernel.value.length; i++) kernel.value[i] = limit * (2 * random.nextDouble() - 1);
        java.util.Arrays.fill(bias.value, 0.0);
        weightsChanged();
    }

    void allocate(int capacity) {
        z = new double[capacity * units];
        output = new double[capacity * units];
        dZ = new double[capacity * units];
        dInput = new double[capacity * inputs];
    }

    /** Must follow any change to the kernel's values. */
    void weightsChanged() {
        double[] w = kernel.value;
        for (int k = 0; k < inputs; k++) {
            for (int o = 0; o < units; o++) kernelT[o * inputs + k] = w[k * units + o];
        }
    }

    /** output = activation(x · kernel + bias) for the first {@code rows} rows of {@code x}. */
    void forward(double[] x, int rows) {
        input = x;
        double[] w = kernel.value, b = bias.value, zz = z;
        int in = inputs, out = units;
        if (out >= 8) {
            for (int q = 0; q < rows; q++) {
                int zb = q * out, xb = q * in;
                System.arraycopy(b, 0, zz, zb, out);
                for (int k = 0; k < in; k++) {
                    double xv = x[xb + k];
                    if (xv == 0.0) continue;
                    int wb = k * out;
                    for (int o = 0; o < out; o++) zz[zb + o] += xv * w[wb + o];
                }
            }
        } else {
            double[] wt = kernelT;
            for (int q = 0; q < rows; q++) {
                int xb = q * in;
                for (int o = 0; o < out; o++) {
                    double s = b[o];
                    int tb = o * in;
                    for (int k = 0; k < in; k++) s += x[xb + k] * wt[tb + k];
                    zz[q * out + o] = s;
                }
            }
        }
        activation.forward(zz, output, rows, out, alpha);
    }

    /**
     * From dLoss/dOutput, computes dLoss/dz, the kernel's and bias's gradients (summed over the batch) and, when
     * {@code needInputGradient}, dLoss/dInput for the layer below.
     */
    void backward(double[] dOutput, int rows, boolean needInputGradient) {
        activation.backward(z, output, dOutput, dZ, rows, units, alpha);
        double[] x = input, d = dZ, gw = kernel.gradient, gb = bias.gradient;
        int in = inputs, out = units;
        java.util.Arrays.fill(gw, 0.0);
        java.util.Arrays.fill(gb, 0.0);
        for (int q = 0; q < rows; q++) {
            int db = q * out, xb = q * in;
            for (int o = 0; o < out; o++) gb[o] += d[db + o];
            for (int k = 0; k < in; k++) {
                double xv = x[xb + k];
                if (xv == 0.0) continue;
                int gbase = k * out;
                for (int o = 0; o < out; o++) gw[gbase + o] += xv * d[db + o];
            }
        }
        if (!needInputGradient) return;
        double[] wt = kernelT, dx = dInput;
        for (int q = 0; q < rows; q++) {
            int db = q * out, xb = q * in;
            java.util.Arrays.fill(dx, xb, xb + in, 0.0);
            for (int o = 0; o < out; o++) {
                double dv = d[db + o];
                if (dv == 0.0) continue;
                int tb = o * in;
                for (int k = 0; k < in; k++) dx[xb + k] += dv * wt[tb + k];
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
