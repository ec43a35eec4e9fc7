package playground.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Keras's {@code fit} loop, an epoch at a time: shuffle the training rows, then per batch forward, loss, backward,
 * update; report the epoch's loss (the batch losses weighted by batch size, each computed before its update) and
 * metrics, then evaluate the validation rows with the end-of-epoch weights. A cross-entropy after a sigmoid or
 * softmax output is computed from that layer's logits, as Keras's TensorFlow backend computes it.
 *
 * <p>The last, partial batch is kept. Randomness comes only from the generator passed in, so the same model, data
 * and seed give the same history bit for bit. Not thread-safe, but may be handed from thread to thread.
 */
public final class Trainer {
    private final Sequential model;
    private final Loss loss;
    private final List<Metric> metrics;
    private final Optimizer optimizer;
    private final Rows train;
    private final Rows validation;
    private final int batchSize;
    private final boolean shuffle;
    private final SplittableRandom random;
    /** The loss is computed from the output layer's logits, as Keras's TensorFlow backend does ({@link Loss#fromLogitsOf}). */
    private final boolean fromLogits;

    /** Row order of the current epoch. */
    private final int[] order;
    /** The gathered batch: the rows of inputs (shared with the data, not copied) and their targets. */
    private final float[][] xBatch;
    private final float[] yBatch;
    /** dLoss/dOutput for the current batch. */
    private final float[] dOutput;
    /** The model's widths, for {@link Footprint}'s cost of each step. */
    private final int[] widths;
    /** The inputs of every Dropout, summed, for {@link Footprint#dropoutOps}. */
    private final int droppedWidth;
    /** Whether any layer has a regularizer. */
    private final boolean penalised;
    /** Each step's batch loss, in order, for the epoch under way (or the last one ended): a diverged epoch's curve. */
    private final double[] batchLosses;
    private int batchesDone;
    /** The epoch under way, or null between epochs. */
    private Epoch epoch;
    private long opsDone;
    private int epochsDone;

    /**
     * @param validation rows evaluated after each epoch, or null
     * @param random     drives the per-epoch shuffle only (initialise the model before)
     */
    public Trainer(Sequential model, Loss loss, List<Metric> metrics, Optimizer optimizer, Examples train,
                   Examples validation, int batchSize, boolean shuffle, SplittableRandom random) {
        if (train.rows() < 1) throw new IllegalArgumentException("no training rows");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (train.features() != model.inputs()) {
            throw new IllegalArgumentException("model takes " + model.inputs() + " features, data has " + train.features());
        }
        this.model = model;
        this.loss = loss;
        this.metrics = List.copyOf(metrics);
        this.optimizer = optimizer;
        this.train = Rows.of(train);
        this.validation = validation == null || validation.rows() == 0 ? null : Rows.of(validation);
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = random;
        this.fromLogits = loss.fromLogitsOf(model.layers().get(model.layers().size() - 1).activation());
        int capacity = Math.min(batchSize, train.rows());
        model.allocate(capacity);
        capacity = model.capacity();
        this.order = new int[train.rows()];
        this.xBatch = new float[capacity][];
        this.yBatch = new float[capacity * train.targetWidth()];
        this.dOutput = new float[capacity * model.outputs()];
        this.widths = model.widths();
        this.droppedWidth = model.droppedWidth();
        this.penalised = model.penalised();
        this.batchLosses = new double[(int) ((train.rows() + (long) batchSize - 1) / batchSize)];
    }

    /**
     * Trains one epoch. Checks {@code cancelled} before every batch and returns null as soon as it answers true
     * (the weights then hold the updates made so far, and the next call starts a new epoch). Otherwise returns the
     * epoch's logs.
     */
    public Map<String, Double> trainEpoch(BooleanSupplier cancelled) {
        while (true) {
            if (cancelled.getAsBoolean()) {
                epoch = null;
                return null;
            }
            Map<String, Double> logs = advance(1);
            if (logs != null) return logs;
        }
    }

    /**
     * Goes on with the current epoch (starting one if none is under way) for about {@code maxOps} operations of
     * {@link Footprint}'s measure: whole steps (a training batch, or a chunk of validation rows), at least one.
     * Returns the epoch's logs when it ended in this call, else null. A scheduler calls this with a small budget so
     * that no run holds a worker for long, whatever its batch size or validation split.
     */
    public Map<String, Double> advance(long maxOps) {
        return advance(maxOps, () -> false);
    }

    /**
     * As {@link #advance(long)}, but returns null before any step for which {@code interrupted} answers true (the
     * epoch stays under way): a run told to stop does not finish its turn first.
     */
    public Map<String, Double> advance(long maxOps, BooleanSupplier interrupted) {
        if (epoch == null) epoch = new Epoch();
        long until = maxOps > Long.MAX_VALUE - opsDone ? Long.MAX_VALUE : opsDone + Math.max(1, maxOps);
        while (true) {
            boolean trained = epoch.trained >= train.rows();
            if (trained && (validation == null || epoch.validated >= validation.rows())) return endEpoch();
            if (opsDone >= until || interrupted.getAsBoolean()) return null;
            if (trained) validateStep();
            else trainStep();
        }
    }

    /** Work done so far, in {@link Footprint}'s operations: what the scheduler charges a run for its turns. */
    public long opsDone() {
        return opsDone;
    }

    private void trainStep() {
        Epoch e = epoch;
        int units = model.outputs(), width = train.width();
        int n = Math.min(batchSize, train.rows() - e.trained);
        for (int q = 0; q < n; q++) {
            int row = e.order[e.trained + q];
            xBatch[q] = train.x()[row];
            System.arraycopy(train.y(), row * width, yBatch, q * width, width);
        }
        float[] output = model.forward(xBatch, n, true);
        double batch = batchLoss(output, n) + penalty();
        batchLosses[batchesDone++] = batch;
        e.loss += batch * n;
        for (int m = 0; m < e.metrics.length; m++) e.metrics[m] += metrics.get(m).total(output, yBatch, n, units);
        backward(output, n);
        if (penalised) model.addPenaltyGradients();
        optimizer.apply(model.parameters());
        e.trained += n;
        opsDone += Footprint.trainStepOps(widths, n) + Footprint.dropoutOps(droppedWidth, n);
    }

    private void validateStep() {
        Epoch e = epoch;
        int n = Math.min(xBatch.length, validation.rows() - e.validated);
        e.validationLoss += evaluateChunk(validation, e.validated, n, e.validationMetrics);
        e.validated += n;
        opsDone += Footprint.evaluateOps(widths, n);
    }

    private Map<String, Double> endEpoch() {
        Epoch e = epoch;
        epoch = null;
        int rows = train.rows();
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", e.loss / rows);
        putMetrics(logs, "", e.metrics, rows);
        if (validation != null) {
            logs.put("val_loss", e.validationLoss / validation.rows());
            putMetrics(logs, "val_", e.validationMetrics, validation.rows());
        }
        epochsDone++;
        return logs;
    }

    /** The sums of the epoch under way: its shuffled row order, how far training and validation got. */
    private final class Epoch {
        final int[] order = Trainer.this.order;
        int trained;
        int validated;
        // the epoch's sums are kept in double: Keras's Mean metric accumulates in float32, double only drifts less
        double loss;
        final double[] metrics = new double[Trainer.this.metrics.size()];
        double validationLoss;
        final double[] validationMetrics = new double[Trainer.this.metrics.size()];

        Epoch() {
            int rows = train.rows();
            batchesDone = 0;
            for (int i = 0; i < rows; i++) order[i] = i;
            if (shuffle) {
                for (int i = rows - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
        }
    }

    /** Keras's {@code evaluate}: the loss and each metric over all rows of {@code data}, with the current weights. */
    public Map<String, Double> evaluate(Examples data) {
        return evaluate(Rows.of(data));
    }

    private Map<String, Double> evaluate(Rows data) {
        int rows = data.rows();
        double lossSum = 0;
        double[] metricSums = new double[metrics.size()];
        for (int start = 0; start < rows; start += xBatch.length) {
            lossSum += evaluateChunk(data, start, Math.min(xBatch.length, rows - start), metricSums);
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", rows == 0 ? Double.NaN : lossSum / rows);
        putMetrics(logs, "", metricSums, rows);
        return logs;
    }

    /**
     * Rows {@code start … start + n} of {@code data} through the model in our own buffers (a predict may have grown
     * the model's): adds each metric's total to {@code metricSums} and returns the loss summed over the rows.
     */
    private double evaluateChunk(Rows data, int start, int n, double[] metricSums) {
        int width = data.width(), units = model.outputs();
        System.arraycopy(data.x(), start, xBatch, 0, n);
        System.arraycopy(data.y(), start * width, yBatch, 0, n * width);
        float[] output = model.forward(xBatch, n);
        for (int m = 0; m < metricSums.length; m++) metricSums[m] += metrics.get(m).total(output, yBatch, n, units);
        return (batchLoss(output, n) + penalty()) * n;
    }

    /**
     * The weights' penalty, which Keras adds to every batch's loss (training and evaluation: both compute_loss), at
     * the weights the batch sees. Exactly 0 without regularizers, so such a run's losses keep every bit.
     */
    private double penalty() {
        return penalised ? model.penalty() : 0;
    }

    /** The loss of the batch just forwarded ({@code output}, targets in yBatch), from the logits where Keras takes them. */
    private double batchLoss(float[] output, int n) {
        int units = model.outputs();
        return fromLogits ? loss.logitValue(model.logits(n), yBatch, n, units) : loss.value(output, yBatch, n, units);
    }

    /** Fills every parameter's gradient for the batch just forwarded. */
    private void backward(float[] output, int n) {
        int units = model.outputs();
        if (fromLogits) {
            loss.logitGradient(output, yBatch, n, units, dOutput);
            model.backwardFromLogits(dOutput, n, false);
        } else {
            loss.gradient(output, yBatch, n, units, dOutput);
            model.backward(dOutput, n, false);
        }
    }

    /** Each metric's value under {@code prefix} and its name, from its sum over {@code rows} rows. */
    private void putMetrics(Map<String, Double> logs, String prefix, double[] metricSums, int rows) {
        for (int m = 0; m < metricSums.length; m++) {
            logs.put(prefix + metrics.get(m).name(), metrics.get(m).result(metricSums[m] / rows));
        }
    }

    public int epochsDone() {
        return epochsDone;
    }

    /** The batch losses of the epoch under way, or of the last one ended, in step order (a copy). */
    public double[] batchLosses() {
        return java.util.Arrays.copyOf(batchLosses, batchesDone);
    }

    public Sequential model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Examples as the engine reads them, cast to float32 as Keras casts them: input rows, flat targets (width per row). */
    private record Rows(float[][] x, float[] y, int width) {
        static Rows of(Examples e) {
            float[][] x = new float[e.rows()][e.features()];
            for (int r = 0; r < e.rows(); r++) {
                for (int j = 0; j < e.features(); j++) x[r][j] = (float) e.x()[r * e.features() + j];
            }
            return new Rows(x, Floats.of(e.y()), e.targetWidth());
        }

        int rows() {
            return x.length;
        }
    }
}
