package playground.runs;

import java.util.List;
import java.util.Locale;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.engine.Footprint;
import playground.document.DataRows;
import playground.document.LayerSpec;
import playground.document.OptimizerSpec;
import playground.document.RunSpec;

/**
 * What a run will cost, known from its document alone: its work in {@link Footprint}'s operations (training and
 * validation rows, each step's fixed part, the test rows, the plane's grids), its longest uninterruptible step, and
 * the heap it will hold (parameters with gradients and optimizer state, the batch buffers at its real batch size,
 * its copies of the data, the plane). The sandbox admits and schedules by these before anything is allocated.
 *
 * @param ops        the whole run's work
 * @param stepOps    its largest single step (a training batch or a chunk of validation rows)
 * @param bytes      the heap it holds while it trains
 */
public record RunResources(long ops, long stepOps, long bytes) {
    /** Objects every run holds whatever its size: the trainer, its listener, logs, the socket's outbox. */
    static final long FIXED_BYTES = 64 << 10;
    /** Rows the model's buffers grow to when it predicts (test rows, the plane), as {@code Sequential.predict} does. */
    private static final int PREDICT_CHUNK = 256;

    public static RunResources of(RunSpec spec) {
        return of(spec, spec.rows());
    }

    /** As {@link #of(RunSpec)}, with the rows the caller has already counted. */
    public static RunResources of(RunSpec spec, DataRows rows) {
        DatasetInfo info = Datasets.info(spec.dataset().name()).orElseThrow();
        int features = spec.inputs().size();
        int[] widths = widths(spec, features);
        int outputs = widths[widths.length - 1];
        int targetWidth = "categorical_crossentropy".equals(spec.compile().loss()) ? info.classes().size() : 1;
        int batch = Math.min(spec.fit().batch_size(), rows.train());
        boolean plane = info.features().size() == 2;
        int gridRows = plane ? DecisionPlane.GRID_SIZE * DecisionPlane.GRID_SIZE : 0;
        int epochs = spec.fit().epochs();

        long steps = (rows.train() + batch - 1) / batch;
        long chunks = (rows.validation() + batch - 1) / batch;
        int dropped = droppedWidth(spec, features);
        long epoch = rows.train() * Footprint.trainRowOps(widths) + Footprint.dropoutOps(dropped, rows.train())
                + steps * Footprint.updateOps(widths)
                + rows.validation() * Footprint.forwardOps(widths) + chunks * Footprint.evaluateOps(widths, 0);
        boolean network = plane && NetworkView.of(spec) != null;
        long ops = epochs * epoch + 2 * Footprint.evaluateOps(widths, rows.test())
                + (epochs + 1L) * (Footprint.evaluateOps(widths, gridRows) + (network ? NetworkView.frameOps(widths) : 0));
        long stepOps = Math.max(Footprint.trainStepOps(widths, batch) + Footprint.dropoutOps(dropped, batch),
                Footprint.evaluateOps(widths, batch));

        // a predict (the test rows, the plane) grows the batch buffers: both sizes live while it reallocates
        int predictCapacity = Math.min(PREDICT_CHUNK, Math.max(rows.test(), gridRows));
        boolean normalize = spec.model().normalize();
        long bytes = FIXED_BYTES
                + Footprint.parameterBytes(widths, normalize, slots(spec.compile().optimizer()))
                + Footprint.bufferBytes(widths, normalize, batch)
                + (predictCapacity > batch ? Footprint.bufferBytes(widths, normalize, predictCapacity) : 0)
                + Footprint.trainerBytes(rows.train(), batch, targetWidth, outputs)
                + dataBytes(rows, features, targetWidth, Datasets.isGenerated(spec.dataset().name()))
                + (plane ? planeBytes(gridRows, outputs, features, rows) + queuedFramesBytes(spec) : 0)
                + dropoutBytes(spec, features, batch)
                + (predictCapacity > batch ? dropoutBytes(spec, features, predictCapacity) : 0)
                + (spec.fit().early_stopping() != null && spec.fit().early_stopping().restore_best_weights()
                        ? Footprint.parameters(widths) * 4 + 64L * widths.length : 0)  // the best epoch's weights
                + ModelWeights.bytes(widths, normalize);
        return new RunResources(ops, stepOps, bytes);
    }

    /** The first reason this run may not start under {@code limits}, in Korean, naming what to shrink; or null. */
    String refusal(RunLimits limits) {
        if (bytes > limits.runBytesLimit()) {
            return String.format(Locale.ROOT, "이 설정은 메모리를 너무 많이 씁니다: 예상 %.1f MB (한도 %.1f MB). "
                    + "batch_size, 층의 유닛 수 또는 층 수를 줄여 보세요.", mb(bytes), mb(limits.runBytesLimit()));
        }
        if (stepOps > limits.stepOps()) {
            return String.format(Locale.ROOT, "한 배치의 계산량이 너무 큽니다: 예상 %,d회 연산 (한도 %,d회). "
                    + "batch_size나 층의 유닛 수를 줄여 보세요.", stepOps, limits.stepOps());
        }
        if (ops > limits.costBudget()) {
            return String.format(Locale.ROOT, "이 설정은 계산량이 너무 큽니다: 예상 %,d회 연산 (한도 %,.0f회). "
                    + "에포크, 층의 유닛 수, 층 수 또는 검증 데이터 비율(validation_split)을 줄여 보세요.",
                    ops, limits.costBudget());
        }
        return null;
    }

    /** The inputs, then each layer's units. */
    static int[] widths(RunSpec spec, int features) {
        List<LayerSpec> dense = spec.model().dense();
        int[] widths = new int[dense.size() + 1];
        widths[0] = features;
        for (int i = 0; i < dense.size(); i++) widths[i + 1] = dense.get(i).units();
        return widths;
    }

    /** The units every Dropout layer receives, summed. */
    static int droppedWidth(RunSpec spec, int features) {
        int sum = 0, in = features;
        for (LayerSpec l : spec.model().layers()) {
            if (l.isDropout()) sum += in;
            else in = l.units();
        }
        return sum;
    }

    /** Each Dropout's mask, output and gradient buffers, at the largest batch the model grows to. */
    private static long dropoutBytes(RunSpec spec, int features, int capacity) {
        long bytes = 0;
        int in = features;
        for (LayerSpec l : spec.model().layers()) {
            if (l.isDropout()) bytes += Footprint.dropoutBytes(in, capacity);
            else in = l.units();
        }
        return bytes;
    }

    /** Floats per weight the optimizer keeps, as its registry entry says (amsgrad keeps the largest v too). */
    static int slots(OptimizerSpec o) {
        return o.type().slots(o.params());
    }

    /**
     * The run's own copies: the training split and the test rows in double (and the training split again once cut
     * at validation_split), the float32 rows the trainer reads, the test rows in float32 while they are evaluated,
     * and a generated set's rows, made afresh for the run and for its plane (generated sets are not cached).
     */
    private static long dataBytes(DataRows rows, int features, int targetWidth, boolean generated) {
        long all = rows.train() + rows.validation();
        long width = features + targetWidth;
        long doubles = Footprint.doubles(all * width) * 2 + Footprint.doubles(rows.test() * width);
        if (generated) doubles += 3 * Footprint.doubles((all + rows.test()) * (features + 1L));
        return doubles + Footprint.float32RowsBytes(rows.train(), features, targetWidth)
                + Footprint.float32RowsBytes(rows.validation(), features, targetWidth)
                + Footprint.float32RowsBytes(rows.test(), features, targetWidth);
    }

    /** The grid's cells and outputs, the chunk predict copies them through, and the points sent once. */
    private static long planeBytes(int gridRows, int outputs, int features, DataRows rows) {
        long points = (long) (rows.train() + rows.validation() + rows.test()) * (Footprint.doubles(3) + 8);
        return Footprint.doubles(2L * gridRows) + 2 * Footprint.doubles((long) gridRows * outputs)
                + Footprint.floats(PREDICT_CHUNK, features) + points;
    }

    /**
     * The frames a socket may hold unsent (its Outbox paces them), one more while it is built, and the neurons'
     * outputs a frame computes: held by the socket rather than the run, so not what building and training allocate.
     */
    static long queuedFramesBytes(RunSpec spec) {
        if (Datasets.info(spec.dataset().name()).orElseThrow().features().size() != 2) return 0;
        int[] widths = widths(spec, spec.inputs().size());
        boolean network = NetworkView.hiddenUnits(spec) <= NetworkView.MAX_HIDDEN_UNITS;
        long layerOutputs = 0;
        for (int i = 1; network && i < widths.length; i++) {
            layerOutputs += Footprint.doubles((long) NetworkView.SIZE * NetworkView.SIZE * widths[i]);
        }
        return (DecisionPlane.QUEUED_FRAMES + 1L) * frameChars(widths, network) + layerOutputs;
    }

    /** Characters of one frame's JSON at most (Java keeps them a byte each): the grid's cells, the network view. */
    static long frameChars(int[] widths, boolean network) {
        long gridChars = 8L * DecisionPlane.GRID_SIZE * DecisionPlane.GRID_SIZE;  // "-0.123," and its class
        return gridChars + (network ? NetworkView.frameChars(widths) : 0);
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
