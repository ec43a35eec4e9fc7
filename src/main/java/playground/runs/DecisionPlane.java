package playground.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import playground.data.Dataset;
import playground.data.Datasets;
import playground.data.Samples;
import playground.engine.Footprint;
import playground.engine.Sequential;
import playground.document.DatasetSpec;
import playground.document.RunSpec;

/**
 * TensorFlow Playground's view of a run on a 2-D data set: the points, and the model's output over the plane
 * around them. Immutable; {@link #grid} only reads the model, so call it between epochs on the run's thread.
 */
public final class DecisionPlane {
    /** Cells per side of the grid the browser paints as a heat map. */
    public static final int GRID_SIZE = 40;
    /** Frames a socket may hold unsent while it paces them; past that it drops every other one, keeping the latest. */
    public static final int QUEUED_FRAMES = 24;

    /** Data points as [x, y, label or target] rows. */
    public record Points(List<double[]> train, List<double[]> test) {}

    /**
     * The model's output over the plane, row by row from the bottom-left, {@code size} × {@code size} cells.
     * {@code values}: the predicted value (regression), the probability of class 1 (binary) or the winning class's
     * probability (multi-class, with {@code classes} the winning class of each cell; null otherwise).
     */
    public record Grid(int epoch, int size, double[] x_range, double[] y_range, double[] values, int[] classes,
                       NetworkView.Frame network) {}

    private final Dataset data;
    /** Turns the plane's points into the model's inputs (the run's input features). */
    private final DatasetSpec inputs;
    private final double[] xRange;
    private final double[] yRange;

    private DecisionPlane(Dataset data, DatasetSpec inputs) {
        this.data = data;
        this.inputs = inputs;
        this.xRange = range(0);
        this.yRange = range(1);
    }

    /** The plane of a run whose data set has exactly two features; empty otherwise. */
    public static Optional<DecisionPlane> of(RunSpec spec) {
        DatasetSpec ds = spec.dataset();
        return of(Datasets.load(ds.name(), ds.samples(), ds.noise()), ds);
    }

    /** The plane of a scikit-learn run's data set with exactly two features (its models take the columns as they are). */
    static Optional<DecisionPlane> of(Dataset data) {
        return of(data, null);
    }

    private static Optional<DecisionPlane> of(Dataset data, DatasetSpec inputs) {
        return data.train().features() == 2 ? Optional.of(new DecisionPlane(data, inputs)) : Optional.empty();
    }

    public Points points() {
        return new Points(rows(data.train()), rows(data.test()));
    }

    /** The work one {@link #grid} does, in {@link Footprint}'s operations. */
    public long gridOps(Sequential model) {
        return Footprint.evaluateOps(model.widths(), GRID_SIZE * GRID_SIZE);
    }

    /**
     * A grid of decided classes or values (a scikit-learn model's predictions, one per cell): a regression's value,
     * a binary class (0 or 1, as the probability of class 1 a Keras grid holds), or for more classes the class in
     * {@code classes} with value 1.
     */
    Grid decided(double[] predicted, boolean manyClasses, int index) {
        double[] values = new double[predicted.length];
        int[] classes = manyClasses ? new int[predicted.length] : null;
        for (int i = 0; i < predicted.length; i++) {
            if (manyClasses) classes[i] = (int) predicted[i];
            values[i] = manyClasses ? 1 : round(predicted[i]);
        }
        return new Grid(index, GRID_SIZE, xRange.clone(), yRange.clone(), values, classes, null);
    }

    /** A grid of class probabilities (a scikit-learn classifier's {@code predict_proba}, one row per cell). */
    Grid probable(double[][] proba, int index) {
        // two classes: the probability of class 1, as a one-sigmoid network's grid holds it
        double[] flat = new double[proba.length * proba[0].length];
        for (int i = 0; i < proba.length; i++) System.arraycopy(proba[i], 0, flat, i * proba[0].length, proba[0].length);
        if (proba[0].length != 2) return grid(flat, proba[0].length, index, null);
        double[] one = new double[proba.length];
        for (int i = 0; i < proba.length; i++) one[i] = proba[i][1];
        return grid(one, 1, index, null);
    }

    /** The model's output over the plane, with the network view's frame when {@code network} is not null. */
    public Grid grid(Sequential model, int epoch, NetworkView network) {
        int n = GRID_SIZE;
        double[] out = model.predict(inputs.inputs(cells(n), n * n), n * n);
        return grid(out, model.outputs(), epoch,
                network == null ? null : network.frame(model, inputs.inputs(cells(NetworkView.SIZE), NetworkView.ROWS)));
    }

    /** The grid of {@code outputs} values per cell: the value itself when one, else the winning class and its value. */
    private Grid grid(double[] out, int outputs, int epoch, NetworkView.Frame network) {
        int n = GRID_SIZE;
        double[] values = new double[n * n];
        int[] classes = outputs > 1 ? new int[n * n] : null;
        for (int i = 0; i < n * n; i++) {
            if (outputs == 1) {
                values[i] = round(out[i]);
                continue;
            }
            int best = 0;
            for (int k = 1; k < outputs; k++) if (out[i * outputs + k] > out[i * outputs + best]) best = k;
            classes[i] = best;
            values[i] = round(out[i * outputs + best]);
        }
        return new Grid(epoch, n, xRange.clone(), yRange.clone(), values, classes, network);
    }

    /** The centres of the grid's cells as [x, y] pairs, row by row from the bottom left (a scikit-learn run's inputs). */
    double[] cells() {
        return cells(GRID_SIZE);
    }

    /** The centres of {@code n} × {@code n} cells over the plane, row by row from the bottom left, as (x, y) rows. */
    double[] cells(int n) {
        double[] cells = new double[n * n * 2];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int i = row * n + col;
                cells[2 * i] = xRange[0] + (col + 0.5) * (xRange[1] - xRange[0]) / n;
                cells[2 * i + 1] = yRange[0] + (row + 0.5) * (yRange[1] - yRange[0]) / n;
            }
        }
        return cells;
    }

    /** The feature's span over every point, widened by a tenth on each side so no point sits on the edge. */
    private double[] range(int feature) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Samples part : List.of(data.train(), data.test())) {
            for (int r = 0; r < part.rows(); r++) {
                double v = part.x()[r * 2 + feature];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double margin = max > min ? (max - min) * 0.1 : 1;
        return new double[] {min - margin, max + margin};
    }

    private static List<double[]> rows(Samples samples) {
        List<double[]> rows = new ArrayList<>(samples.rows());
        for (int r = 0; r < samples.rows(); r++) {
            rows.add(new double[] {round(samples.x()[r * 2]), round(samples.x()[r * 2 + 1]), samples.y()[r]});
        }
        return rows;
    }

    /** Three decimals are finer than a pixel of the plot and keep the messages small. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
