package playground.engine;

/**
 * What a model costs before it is built: the heap its buffers take and the arithmetic a row or a step does. The
 * byte counts mirror the arrays {@link Dense}, {@link Sequential}, {@link Normalization}, {@link Optimizer} and
 * {@link Trainer} allocate (a 64-bit JVM with compressed references: 16-byte array headers, 8-byte alignment), so
 * the sandbox can refuse or queue a run before allocating anything. Widths are the model's inputs followed by each
 * layer's units.
 */
public final class Footprint {
    /*
     * The unit is one multiply-add of a training pass. On the 2-core machine the constants were fitted on, digits,
     * boston and iris at batch sizes 1 to 512 ran at 3e9 to 1.3e10 units per second on an idle core and at 1.3e9 to
     * 6e9 with the machine loaded: within a factor of three of each other, which is what fair turns need. Small batches are slow for their arithmetic: each step pays ~15 µs per layer in set-up
     * and the optimizer's visit of every row of weights, which is why they are priced here and not left to the rows.
     */
    /** Loop set-up, activation and bookkeeping per layer and row. */
    private static final long ROW_OVERHEAD_PER_LAYER = 20;
    /** The optimizer's and the loop's fixed work per step and layer (a batch of one row still pays it). */
    private static final long STEP_OVERHEAD_PER_LAYER = 15_000;
    /** A chunk of rows evaluated without training: buffers copied, the loss and metrics summed. */
    private static final long CHUNK_OVERHEAD_PER_LAYER = 2_000;

    private Footprint() {}

    /** Weights and biases: what Keras's summary calls trainable parameters. */
    public static long parameters(int[] widths) {
        long p = 0;
        for (int i = 1; i < widths.length; i++) p += (long) widths[i - 1] * widths[i] + widths[i];
        return p;
    }

    /** One row through every layer: a multiply-add per weight, the bias and activation per unit. */
    public static long forwardOps(int[] widths) {
        long ops = 0;
        for (int i = 1; i < widths.length; i++) {
            ops += (long) widths[i - 1] * widths[i] + 2L * widths[i] + ROW_OVERHEAD_PER_LAYER;
        }
        return ops;
    }

    /** One training row: forward, then the backward pass (the kernel's and the input's gradients, twice forward). */
    public static long trainRowOps(int[] widths) {
        return 3 * forwardOps(widths);
    }

    /** A training step's fixed part: the optimizer visits every weight (~10 units for Adam) and each layer. */
    public static long updateOps(int[] widths) {
        return 10 * parameters(widths) + STEP_OVERHEAD_PER_LAYER * (widths.length - 1);
    }

    /** One training batch of {@code rows} rows. */
    public static long trainStepOps(int[] widths, int rows) {
        return rows * trainRowOps(widths) + updateOps(widths);
    }

    /** Dropout in a training batch: a draw and a product per unit forward, a product backward. */
    public static long dropoutOps(int droppedWidth, int rows) {
        return 4L * droppedWidth * rows;
    }

    /** Dropout's buffers (mask, output, dLoss/dInput) for batches of {@code capacity} rows of {@code width} units. */
    public static long dropoutBytes(int width, int capacity) {
        return 3 * floats(capacity, width);
    }

    /** Evaluating {@code rows} rows (validation, test, a plane grid). */
    public static long evaluateOps(int[] widths, int rows) {
        return rows * forwardOps(widths) + CHUNK_OVERHEAD_PER_LAYER * (widths.length - 1);
    }

    /** The model's weights: values, gradients and the optimizer's {@code slots} floats per weight, with kernelᵀ. */
    public static long parameterBytes(int[] widths, boolean normalize, int slots) {
        long bytes = normalize ? 3 * floats(widths[0]) : 0;
        for (int i = 1; i < widths.length; i++) {
            int in = widths[i - 1], units = widths[i];
            int kernelRows = units == 1 ? 1 : in, kernelColumns = units == 1 ? in : units;
            bytes += 2 * floats(kernelRows, kernelColumns) + 2 * floats(1, units);  // values and gradients
            bytes += slotBytes(kernelRows, kernelColumns, slots) + slotBytes(1, units, slots);
            if (units > 1) bytes += floats(units, in);                                // kernelᵀ
            bytes += floats(Math.max(in, units));                                     // zeros
        }
        return bytes;
    }

    /** The model's batch buffers for batches of {@code capacity} rows (they grow when a predict asks for more). */
    public static long bufferBytes(int[] widths, boolean normalize, int capacity) {
        long bytes = normalize ? 2 * floats(capacity, widths[0]) : 0;
        for (int i = 1; i < widths.length; i++) {
            int in = widths[i - 1], units = widths[i];
            bytes += 3 * floats(capacity, units) + floats(capacity, in) + floats(in, capacity);
            if (units == 1) bytes += floats(1, capacity);
        }
        int outputs = widths[widths.length - 1];
        return bytes + 2 * floats((long) capacity * outputs) + floats(capacity, outputs);  // outputs, logits, dOutput
    }

    /** The trainer's own buffers for batches of {@code capacity} rows and an epoch of {@code rows} rows. */
    public static long trainerBytes(int rows, int capacity, int targetWidth, int outputs) {
        return array(4L * rows) + array(4L * capacity) + floats(capacity * targetWidth) + floats(capacity * outputs)
                + doubles((rows + capacity - 1) / capacity);
    }

    /** Rows as the trainer copies them: float32 inputs, one array per row, and flat float32 targets. */
    public static long float32RowsBytes(int rows, int features, int targetWidth) {
        return floats(rows, features) + floats((long) rows * targetWidth);
    }

    /** A {@code float[rows][columns]}. */
    public static long floats(long rows, long columns) {
        return array(4L * rows) + rows * floats(columns);
    }

    /** A {@code float[n]} (an {@code int[n]} too). */
    public static long floats(long n) {
        return array(4L * n);
    }

    /** A {@code double[n]}. */
    public static long doubles(long n) {
        return array(8L * n);
    }

    /** Each row of a parameter holds {@code slots} arrays as long as the row, created on the first step. */
    private static long slotBytes(int rows, int columns, int slots) {
        return array(4L * rows) + rows * (array(4L * slots) + slots * floats(columns));
    }

    private static long array(long payload) {
        return (16 + payload + 7) & ~7L;
    }
}
