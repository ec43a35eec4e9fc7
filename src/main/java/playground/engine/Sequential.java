package playground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keras's {@code Sequential}: an optional {@link Normalization} followed by {@link Dense} layers named as Keras names
 * them ({@code dense}, {@code dense_1}, …). Not thread-safe; a model belongs to one run.
 */
public final class Sequential {
    private final int inputs;
    private final Normalization normalization;
    private final List<Dense> layers = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private int capacity;
    /** The last layer's outputs as one flat rows × outputs array, the layout losses and metrics read. */
    private float[] output;
    /** dLoss/dOutput as rows, handed to the last layer. */
    private float[][] dOutputRows;
    /** The last layer's pre-activations, flat rows × outputs, for a loss computed from logits. */
    private float[] logits;

    /** A model taking {@code inputs} features, starting with a Normalization layer when {@code normalize}. */
    public Sequential(int inputs, boolean normalize) {
        if (inputs < 1) throw new IllegalArgumentException("inputs must be at least 1, got " + inputs);
        this.inputs = inputs;
        this.normalization = normalize ? new Normalization(inputs) : null;
    }

    /** Appends {@code Dense(units, activation)}; {@code alpha} is used by leaky_relu and elu. */
    public Sequential add(int units, Activation activation, double alpha) {
        if (units < 1) throw new IllegalArgumentException("units must be at least 1, got " + units);
        int in = layers.isEmpty() ? inputs : layers.get(layers.size() - 1).units;
        String name = layers.isEmpty() ? "dense" : "dense_" + layers.size();
        Dense d = new Dense(name, in, units, activation, alpha);
        layers.add(d);
        parameters.add(d.kernel);
        parameters.add(d.bias);
        return this;
    }

    /** Glorot-uniform kernels and zero biases, drawn from {@code random} layer by layer. */
    public void initialize(SplittableRandom random) {
        for (Dense d : layers) d.initialize(random);
    }

    /** Keras's {@code Normalization.adapt} on {@code x} (rows × inputs); nothing when the model has no such layer. */
    public void adapt(double[] x, int rows) {
        if (normalization != null) normalization.adapt(x, rows);
    }

    /** Sizes every batch buffer for at most {@code capacity} rows. */
    void allocate(int capacity) {
        if (capacity <= this.capacity) return;
        this.capacity = capacity;
        if (normalization != null) normalization.allocate(capacity);
        for (Dense d : layers) d.allocate(capacity);
        output = new float[capacity * outputs()];
        logits = new float[capacity * outputs()];
        dOutputRows = new float[capacity][outputs()];
    }

    int capacity() {
        return capacity;
    }

    /**
     * Runs the first {@code rows} rows of {@code x} through every layer; returns the outputs, flat rows × outputs
     * (a buffer reused by the next call).
     */
    float[] forward(float[][] x, int rows) {
        float[][] a = x;
        if (normalization != null) {
            normalization.forward(a, rows);
            a = normalization.output;
        }
        for (Dense d : layers) {
            d.forward(a, rows);
            a = d.output;
        }
        int out = outputs();
        for (int q = 0; q < rows; q++) System.arraycopy(a[q], 0, output, q * out, out);
        return output;
    }

    /**
     * Back-propagates dLoss/dOutput through every layer, filling each parameter's gradient. When
     * {@code needInputGradient} also computes dLoss/dInput of the model (tests), returned; otherwise returns null.
     */
    float[][] backward(float[] dOutput, int rows, boolean needInputGradient) {
        int out = outputs();
        for (int q = 0; q < rows; q++) System.arraycopy(dOutput, q * out, dOutputRows[q], 0, out);
        int last = layers.size() - 1;
        layers.get(last).backward(dOutputRows, rows, last > 0 || needInputGradient);
        return backwardBelow(last, rows, needInputGradient);
    }

    /**
     * As {@link #backward}, from dLoss/dLogits: the gradient with respect to the last layer's pre-activations, for a
     * loss computed from them ({@link Loss#fromLogitsOf}).
     */
    float[][] backwardFromLogits(float[] dLogits, int rows, boolean needInputGradient) {
        int last = layers.size() - 1;
        layers.get(last).backwardFromLogits(dLogits, rows, last > 0 || needInputGradient);
        return backwardBelow(last, rows, needInputGradient);
    }

    /** The last layer's pre-activations of the last forward pass, flat rows × outputs (a buffer reused by the next call). */
    float[] logits(int rows) {
        layers.get(layers.size() - 1).logits(rows, logits);
        return logits;
    }

    /** Back-propagates from the dInput of layer {@code from} (already done) through the layers below it. */
    private float[][] backwardBelow(int from, int rows, boolean needInputGradient) {
        float[][] d = layers.get(from).dInput;
        for (int i = from - 1; i >= 0; i--) {
            boolean below = i > 0 || needInputGradient;
            layers.get(i).backward(d, rows, below);
            d = layers.get(i).dInput;
        }
        if (!needInputGradient) return null;
        if (normalization != null) {
            normalization.backward(d, rows);
            d = normalization.dInput;
        }
        return d;
    }

    /**
     * The model's outputs for each row of {@code x} (rows × inputs), rows × {@link #outputs()}; inputs are rounded to
     * float as Keras casts them.
     */
    public double[] predict(double[] x, int rows) {
        int out = outputs();
        double[] result = new double[rows * out];
        forEachChunk(x, rows, (start, n) -> {
            for (int i = 0; i < n * out; i++) result[start * out + i] = output[i];
        });
        return result;
    }

    /**
     * Every Dense layer's outputs (after its activation) for each row of {@code x}, as {@link #predict} takes it:
     * {@code [layer][row * units + unit]}, what TensorFlow Playground paints in each neuron.
     */
    public double[][] layerOutputs(double[] x, int rows) {
        double[][] result = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) result[l] = new double[rows * layers.get(l).units()];
        forEachChunk(x, rows, (start, n) -> {
            for (int l = 0; l < layers.size(); l++) {
                float[][] a = layers.get(l).output;
                int units = layers.get(l).units();
                for (int q = 0; q < n; q++) {
                    for (int u = 0; u < units; u++) result[l][(start + q) * units + u] = a[q][u];
                }
            }
        });
        return result;
    }

    private interface Chunk {
        /** Rows {@code start … start + n} have just gone forward. */
        void forwarded(int start, int n);
    }

    /** Runs the rows of {@code x} forward in chunks of the buffers' capacity, inputs rounded to float (Keras casts). */
    private void forEachChunk(double[] x, int rows, Chunk chunkDone) {
        allocate(Math.min(Math.max(rows, 1), 256));
        float[][] chunk = new float[capacity][inputs];
        for (int start = 0; start < rows; start += capacity) {
            int n = Math.min(capacity, rows - start);
            for (int q = 0; q < n; q++) {
                for (int j = 0; j < inputs; j++) chunk[q][j] = (float) x[(start + q) * inputs + j];
            }
            forward(chunk, n);
            chunkDone.forwarded(start, n);
        }
    }

    /** The inputs, then each layer's units: the shape {@link Footprint} prices. */
    public int[] widths() {
        int[] widths = new int[layers.size() + 1];
        widths[0] = inputs;
        for (int i = 0; i < layers.size(); i++) widths[i + 1] = layers.get(i).units;
        return widths;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units;
    }

    public List<Dense> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The Normalization layer, or null. */
    public Normalization normalization() {
        return normalization;
    }

    /** The trainable parameters in Keras's order: each Dense's kernel, then its bias. */
    public List<Parameter> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    public long trainableParams() {
        long n = 0;
        for (Dense d : layers) n += d.paramCount();
        return n;
    }

    public long nonTrainableParams() {
        return normalization == null ? 0 : normalization.paramCount();
    }
}
