package playground.engine;

import java.util.SplittableRandom;

/**
 * Keras's {@code Dense}: a = activation(x · kernel + bias), forward beside backward.
 *
 * <p>Works on batches held in row arrays ({@code [row][unit]}) allocated once for the largest batch
 * ({@link #allocate}); a call uses the first {@code rows} rows. Not thread-safe.
 */
public final class Dense {
    final String name;
    final int inputs;
    final int units;
    final Activation activation;
    final float alpha;
    /**
     * inputs × units: kernel.value[k][o] connects input k to unit o. A layer of one unit keeps its kernel, a column, as
     * one row, kernel.value[0][k]: the same row-major order, but its loops (and the optimizer's) then run along the
     * inputs instead of over rows of one element.
     */
    final Parameter kernel;
    /** One row of units. */
    final Parameter bias;
    /** Keras's kernel_regularizer and bias_regularizer ({@link Regularizer#NONE} when absent). */
    private Regularizer kernelRegularizer = Regularizer.NONE;
    private Regularizer biasRegularizer = Regularizer.NONE;

    /** The batch this layer last saw (the previous layer's output), rows × inputs. */
    private float[][] input;
    /** Pre-activations z = x · kernel + bias, rows × units. */
    private float[][] z;
    /** Outputs a = activation(z), rows × units. */
    float[][] output;
    /** dLoss/dz, rows × units. */
    private float[][] dZ;
    /** dLoss/dInput, rows × inputs: what the previous layer receives as dLoss/dOutput. */
    float[][] dInput;
    /** The kernel as units × inputs, refreshed by backward before it computes dLoss/dInput (one unit: the kernel). */
    private final float[][] kernelT;
    /** The batch's inputs transposed (inputs × rows), the kernel gradient's coefficients. */
    private float[][] inputT;
    /** For a layer of one unit only (else null): dLoss/dz transposed (1 × rows). */
    private float[][] dZT;
    /** Zeros, as long as a row of dInput or of the kernel gradient: where their sums start. */
    private final float[] zeros;

    Dense(String name, int inputs, int units, Activation activation, double alpha) {
        this.name = name;
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.alpha = (float) alpha;
        this.kernel = units == 1 ? new Parameter(1, inputs) : new Parameter(inputs, units);
        this.bias = new Parameter(1, units);
        this.kernelT = units == 1 ? kernel.value : new float[units][inputs];
        this.zeros = new float[Math.max(inputs, units)];
    }

    /** glorot_uniform kernel: U[-l, l] with l = √(6 / (fan_in + fan_out)); zero bias. */
    void initialize(SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (inputs + units));
        for (float[] row : kernel.value) {
            for (int i = 0; i < row.length; i++) row[i] = (float) (limit * (2 * random.nextDouble() - 1));
        }
        java.util.Arrays.fill(bias.value[0], 0f);
    }

    void regularize(Regularizer kernel, Regularizer bias) {
        this.kernelRegularizer = kernel;
        this.biasRegularizer = bias;
    }

    /** Whether either weight has a penalty (a model without any adds nothing to its loss). */
    boolean penalised() {
        return !kernelRegularizer.isNone() || !biasRegularizer.isNone();
    }

    /** The layer's weight penalty, part of the loss Keras reports. */
    double penalty() {
        return kernelRegularizer.value(kernel.value) + biasRegularizer.value(bias.value);
    }

    /** Adds the penalty's derivative to the gradients the last backward pass filled. */
    void addPenaltyGradients() {
        if (!kernelRegularizer.isNone()) kernelRegularizer.addGradient(kernel.value, kernel.gradient);
        if (!biasRegularizer.isNone()) biasRegularizer.addGradient(bias.value, bias.gradient);
    }

    public Regularizer kernelRegularizer() {
        return kernelRegularizer;
    }

    public Regularizer biasRegularizer() {
        return biasRegularizer;
    }

    void allocate(int capacity) {
        z = new float[capacity][units];
        output = new float[capacity][units];
        dZ = new float[capacity][units];
        dInput = new float[capacity][inputs];
        inputT = new float[inputs][capacity];
        dZT = units == 1 ? new float[1][capacity] : null;
    }

    /** output = activation(x · kernel + bias) for the first {@code rows} rows of {@code x}. */
    void forward(float[][] x, int rows) {
        input = x;
        // z[q] = bias + Σ_k x[q][k] · kernel[k]; for one unit a dot product (a one-element vector loop is all set-up)
        for (int q = 0; q < rows; q++) {
            if (units == 1) z[q][0] = dot(bias.value[0][0], x[q], kernel.value[0], inputs);
            else combination(z[q], bias.value[0], x[q], kernel.value, inputs, units);
        }
        activation.forward(z, output, rows, units, alpha);
    }

    /**
     * From dLoss/dOutput, computes dLoss/dz, the kernel's and bias's gradients (summed over the batch) and, when
     * {@code needInputGradient}, dLoss/dInput for the layer below.
     */
    void backward(float[][] dOutput, int rows, boolean needInputGradient) {
        activation.backward(z, output, dOutput, dZ, rows, units, alpha);
        backwardFromZ(rows, needInputGradient);
    }

    /**
     * As {@link #backward}, given dLoss/dz itself ({@code dLogits}, flat rows × units): for a loss computed from this
     * layer's logits, which skips the activation's derivative.
     */
    void backwardFromLogits(float[] dLogits, int rows, boolean needInputGradient) {
        for (int q = 0; q < rows; q++) System.arraycopy(dLogits, q * units, dZ[q], 0, units);
        backwardFromZ(rows, needInputGradient);
    }

    /** The pre-activations z of the last forward pass, flat rows × units, into {@code out}. */
    void logits(int rows, float[] out) {
        for (int q = 0; q < rows; q++) System.arraycopy(z[q], 0, out, q * units, units);
    }

    /** The gradients from dLoss/dz (in {@link #dZ}). */
    private void backwardFromZ(int rows, boolean needInputGradient) {
        // dLoss/dKernel[k] = Σ_q xᵀ[k][q] · dZ[q]
        if (units == 1) {
            oneUnitKernelGradient(rows);
        } else {
            transpose(input, rows, inputs, inputT);
            for (int k = 0; k < inputs; k++) combination(kernel.gradient[k], zeros, inputT[k], dZ, rows, units);
        }
        // dLoss/dBias = Σ_q dZ[q]
        float[] gb = bias.gradient[0];
        java.util.Arrays.fill(gb, 0f);
        for (int q = 0; q < rows; q++) {
            float[] d = dZ[q];
            for (int o = 0; o < units; o++) gb[o] += d[o];
        }
        if (!needInputGradient) return;
        // dLoss/dInput[q] = Σ_o dZ[q][o] · kernelᵀ[o]
        if (units > 1) transpose(kernel.value, inputs, units, kernelT);
        for (int q = 0; q < rows; q++) combination(dInput[q], zeros, dZ[q], kernelT, units, inputs);
    }

    /**
     * out[j] = start[j] + Σ_t coefficient[t] · rows[t][j] for j &lt; n, 1 &le; count: the loop all three passes use.
     * Four rows at a time, every array read at the same index j, so HotSpot vectorises it (it does not when flat
     * arrays are read at different offsets, nor when two outputs share one load). The first pass reads {@code start}
     * and the later ones {@code out}, which spares zero-filling or copying {@code out} first.
     */
    static void combination(float[] out, float[] start, float[] coefficient, float[][] rows, int count, int n) {
        float[] from = start;
        int t = 0;
        for (; t + 3 < count; t += 4, from = out) {
            float c0 = coefficient[t], c1 = coefficient[t + 1], c2 = coefficient[t + 2], c3 = coefficient[t + 3];
            float[] r0 = rows[t], r1 = rows[t + 1], r2 = rows[t + 2], r3 = rows[t + 3];
            for (int j = 0; j < n; j++) out[j] = from[j] + (c0 * r0[j] + c1 * r1[j] + c2 * r2[j] + c3 * r3[j]);
        }
        for (; t < count; t++, from = out) {
            float c = coefficient[t];
            float[] r = rows[t];
            for (int j = 0; j < n; j++) out[j] = from[j] + c * r[j];
        }
    }

    /**
     * The kernel gradient of a layer of one unit, Σ_q dZ[q][0] · x[q], summed along the inputs in one vector loop (not
     * one loop of one element per input) in the same order as the general case, straight into the kernel's one row.
     */
    private void oneUnitKernelGradient(int rows) {
        transpose(dZ, rows, 1, dZT);
        combination(kernel.gradient[0], zeros, dZT[0], input, rows, inputs);
    }

    /** start + Σ_t x[t] · w[t], in {@link #combination}'s order: its case n = 1. */
    private static float dot(float start, float[] x, float[] w, int count) {
        float sum = start;
        int t = 0;
        for (; t + 3 < count; t += 4) {
            sum += x[t] * w[t] + x[t + 1] * w[t + 1] + x[t + 2] * w[t + 2] + x[t + 3] * w[t + 3];
        }
        for (; t < count; t++) sum += x[t] * w[t];
        return sum;
    }

    /**
     * to[c][r] = from[r][c] for r &lt; rows, c &lt; columns, four rows of {@code from} at a time so that each row of
     * {@code to} is looked up once per four values.
     */
    static void transpose(float[][] from, int rows, int columns, float[][] to) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            float[] f0 = from[r], f1 = from[r + 1], f2 = from[r + 2], f3 = from[r + 3];
            for (int c = 0; c < columns; c++) {
                float[] t = to[c];
                t[r] = f0[c];
                t[r + 1] = f1[c];
                t[r + 2] = f2[c];
                t[r + 3] = f3[c];
            }
        }
        for (; r < rows; r++) {
            float[] f = from[r];
            for (int c = 0; c < columns; c++) to[c][r] = f[c];
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
