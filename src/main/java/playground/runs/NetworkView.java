package playground.runs;

import java.util.ArrayList;
import java.util.List;
import playground.engine.Dense;
import playground.engine.Footprint;
import playground.engine.Sequential;
import playground.document.LayerSpec;
import playground.document.RunSpec;

/**
 * TensorFlow Playground's picture of the network on a 2-D data set: every input feature and every neuron as a small
 * heat map of its output over the plane, and every weight for the links between them. Only for networks of at most
 * {@link #MAX_HIDDEN_UNITS} hidden units, which keeps each frame a few tens of kilobytes. Immutable.
 */
public final class NetworkView {
    /** Cells per side of each neuron's heat map. */
    public static final int SIZE = 20;
    /** Cells of each heat map. */
    static final int ROWS = SIZE * SIZE;
    /** Hidden units (all hidden layers together) up to which the view is sent. */
    public static final int MAX_HIDDEN_UNITS = 64;
    /** Outputs are sent as whole numbers −SHADES … SHADES for −1 … 1, TensorFlow Playground's 30 shades. */
    public static final int SHADES = 15;

    public record Layer(int units, String activation) {}

    /**
     * One picture of the network. {@code inputs}: each input feature over the plane, scaled by its largest magnitude;
     * {@code neurons}: each Dense unit's output, layer after layer (a sigmoid or softmax output's probability p as
     * 2p − 1), clipped to −1 … 1; all quantised to ±{@link #SHADES}, {@code size} × {@code size} cells from the bottom
     * left. {@code weights[l]}: layer l's kernel, row-major (input × unit, Keras's layout); {@code biases[l]}.
     */
    public record Frame(int size, int shades, List<Layer> layers, List<int[]> inputs, List<double[]> weights,
                        List<double[]> biases, List<int[]> neurons) {}

    private NetworkView() {}

    /** The view of a run's network, or null when its hidden layers are too wide to draw. */
    static NetworkView of(RunSpec spec) {
        return hiddenUnits(spec) <= MAX_HIDDEN_UNITS ? new NetworkView() : null;
    }

    static int hiddenUnits(RunSpec spec) {
        List<LayerSpec> layers = spec.model().layers();
        int hidden = 0;
        for (int i = 0; i < layers.size() - 1; i++) hidden += layers.get(i).units();
        return hidden;
    }

    /** The work one {@link #frame} does, in {@link Footprint}'s operations. */
    static long frameOps(int[] widths) {
        return Footprint.evaluateOps(widths, SIZE * SIZE);
    }

    /** Characters of one frame's JSON at most ("-15," a shade, "-12.345," a weight), for the socket's queued frames. */
    static long frameChars(int[] widths) {
        long cells = (long) SIZE * SIZE, chars = 256 + widths[0] * cells * 4;
        for (int i = 1; i < widths.length; i++) chars += widths[i] * (cells * 4 + 8L * (widths[i - 1] + 1) + 32);
        return chars;
    }

    /** The frame of {@code model} at the plane's {@code cells} ({@link #SIZE}² rows of the model's inputs). */
    Frame frame(Sequential model, double[] cells) {
        int rows = SIZE * SIZE, features = model.inputs();
        List<int[]> inputs = new ArrayList<>(features);
        for (int j = 0; j < features; j++) inputs.add(scaled(cells, j, features, rows));
        double[][] outputs = model.layerOutputs(cells, rows);
        List<Layer> layers = new ArrayList<>();
        List<double[]> weights = new ArrayList<>(), biases = new ArrayList<>();
        List<int[]> neurons = new ArrayList<>();
        for (int l = 0; l < model.layers().size(); l++) {
            Dense d = model.layers().get(l);
            String activation = d.activation().kerasName();
            layers.add(new Layer(d.units(), activation));
            weights.add(rounded(d.kernel().values()));
            biases.add(rounded(d.bias().values()));
            boolean probability = activation.equals("sigmoid") || activation.equals("softmax");
            for (int u = 0; u < d.units(); u++) neurons.add(neuron(outputs[l], u, d.units(), rows, probability));
        }
        return new Frame(SIZE, SHADES, layers, inputs, weights, biases, neurons);
    }

    private static int[] neuron(double[] out, int unit, int units, int rows, boolean probability) {
        int[] shades = new int[rows];
        for (int r = 0; r < rows; r++) {
            double v = out[r * units + unit];
            shades[r] = shade(probability ? 2 * v - 1 : v);
        }
        return shades;
    }

    /** Feature {@code j} of every row, divided by its largest magnitude so its heat map spans the colours. */
    private static int[] scaled(double[] x, int j, int features, int rows) {
        double top = 0;
        for (int r = 0; r < rows; r++) top = Math.max(top, Math.abs(x[r * features + j]));
        int[] shades = new int[rows];
        for (int r = 0; r < rows; r++) shades[r] = shade(top > 0 ? x[r * features + j] / top : 0);
        return shades;
    }

    private static int shade(double v) {
        if (Double.isNaN(v)) return 0;
        return (int) Math.round(Math.max(-1, Math.min(1, v)) * SHADES);
    }

    /** Three decimals: finer than a link's width can show. */
    private static double[] rounded(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.round(values[i] * 1000) / 1000.0;
        return out;
    }
}
