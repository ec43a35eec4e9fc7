package playground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Keras's {@code Sequential}: an optional {@link Normalization} followed by {@link Dense} layers named as Keras names
 * them ({@code dense}, {@code dense_1}, …), any of them preceded by {@link Dropout} layers, which act in training
 * passes only. Not thread-safe; a model belongs to one run.
 */
public final class Sequential {
    private final int inputs;
    private final Normalization normalization;
    private final List<Dense> layers = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    /** dropouts.get(i): the Dropout layers in front of layers.get(i), in order (usually none). */
    private final List<List<Dropout>> dropouts = new ArrayList<>();
    /** Dropouts added since the last Dense, waiting for the Dense they feed. */
    private List<Dropout> pending = new ArrayList<>();
    /** Where training passes draw their dropout masks from (unused by a model without Dropout). */
    private SplittableRandom dropoutRandom = new SplittableRandom(0);
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
        return add(units, activation, alpha, Regularizer.NONE, Regularizer.NONE);
    }

    /** As {@link #add(int, Activation, double)}, with Keras's kernel_regularizer and bias_regularizer. */
    public Sequential add(int units, Activation activation, double alpha, Regularizer kernel, Regularizer bias) {
        if (units < 1) throw new IllegalArgumentException("units must be at least 1, got " + units);
        int in = width();
        String name = layers.isEmpty() ? "dense" : "dense_" + layers.size();
        Dense d = new Dense(name, in, units, activation, alpha);
        d.regularize(kernel, bias);
        layers.add(d);
        dropouts.add(pending);
        pending = new ArrayList<>();
        parameters.add(d.kernel);
        parameters.add(d.bias);
        return this;
    }

    /** Appends {@code Dropout(rate)}; a Dense layer must follow it (the output layer is never dropped). */
    public Sequential addDropout(double rate) {
        pending.add(new Dropout(rate, width()));
        return this;
    }

    /** The generator training passes draw dropout masks from: the run's own stream, so a seed repeats them. */
    public void dropoutRandom(SplittableRandom random) {
        this.dropoutRandom = random;
    }

    /** The width the next layer receives. */
    private int width() {
        return layers.isEmpty() ? inputs : layers.get(layers.size() - 1).units;
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
        if (!pending.isEmpty()) throw new IllegalStateException("a Dropout must be followed by a Dense layer");
        if (capacity <= this.capacity) return;
        this.capacity = capacity;
        if (normalization != null) normalization.allocate(capacity);
        for (Dense d : layers) d.allocate(capacity);
        for (List<Dropout> before : dropouts) for (Dropout drop : before) drop.allocate(capacity);
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
        return forward(x, rows, false);
    }

    /** As {@link #forward(float[][], int)}; a training pass also applies every Dropout, with new masks. */
    float[] forward(float[][] x, int rows, boolean training) {
        float[][] a = x;
        if (normalization != null) {
            normalization.forward(a, rows);
            a = normalization.output;
        }
        for (int i = 0; i < layers.size(); i++) {
            if (training) for (Dropout drop : dropouts.get(i)) a = drop.forward(a, rows, dropoutRandom);
            Dense d = layers.get(i);
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
        float[][] d = throughDropouts(from, layers.get(from).dInput, rows, from > 0 || needInputGradient);
        for (int i = from - 1; i >= 0; i--) {
            boolean below = i > 0 || needInputGradient;
            layers.get(i).backward(d, rows, below);
            d = throughDropouts(i, layers.get(i).dInput, rows, below);
        }
        if (!needInputGradient) return null;
        if (normalization != null) {
            normalization.backward(d, rows);
            d = normalization.dInput;
        }
        return d;
    }

    /** dLoss/dInput of layer {@code i} back through the Dropouts in front of it (when it was computed at all). */
    private float[][] throughDropouts(int i, float[][] d, int rows, boolean computed) {
        if (!computed) return d;
        List<Dropout> before = dropouts.get(i);
        for (int k = before.size() - 1; k >= 0; k--) d = before.get(k).backward(d, rows);
        return d;
    }

    /** Whether any Dense layer has a weight penalty. */
    boolean penalised() {
        for (Dense d : layers) if (d.penalised()) return true;
        return false;
    }

    /** The weight penalties of every layer: Keras's regularization losses, added to each batch's loss. */
    public double penalty() {
        double sum = 0;
        for (Dense d : layers) sum += d.penalty();
        return sum;
    }

    /** Adds each penalty's derivative to the gradients of the last backward pass. */
    void addPenaltyGradients() {
        for (Dense d : layers) if (d.penalised()) d.addPenaltyGradients();
    }

    /** The units every Dropout receives, summed: what a training row pays for drawing and applying masks. */
    public int droppedWidth() {
        int sum = 0;
        for (List<Dropout> before : dropouts) for (Dropout drop : before) sum += drop.width;
        return sum;
    }

    /**
     * A copy of every trainable weight, in {@link #parameters()}'s order (EarlyStopping keeps the best), written into
     * {@code into} (an earlier snapshot of this model, reused so a long run allocates one copy) or a new one when null.
     */
    public float[][][] snapshot(float[][][] into) {
        float[][][] copy = into != null ? into : new float[parameters.size()][][];
        for (int p = 0; p < copy.length; p++) {
            float[][] v = parameters.get(p).value;
            if (copy[p] == null) copy[p] = new float[v.length][v.length == 0 ? 0 : v[0].length];
            for (int r = 0; r < v.length; r++) System.arraycopy(v[r], 0, copy[p][r], 0, v[r].length);
        }
        return copy;
    }

    /** Puts back the weights of a {@link #snapshot(float[][][])} of this model. */
    public void restore(float[][][] snapshot) {
        for (int p = 0; p < snapshot.length; p++) {
            float[][] v = parameters.get(p).value;
            for (int r = 0; r < v.length; r++) System.arraycopy(snapshot[p][r], 0, v[r], 0, v[r].length);
        }
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
