package playground.engine;

import java.util.SplittableRandom;

/**
 * Keras's {@code Dropout}: inverted dropout, training only. Each input is kept with probability 1 − rate and scaled by
 * 1 / (1 − rate) (so the expected output equals the input), or set to 0; at evaluation and prediction the layer is the
 * identity, which {@link Sequential} gets by not calling it. The mask is drawn from the generator passed in, so a
 * seeded run drops the same units every time. Rows as {@link Dense} keeps them; not thread-safe.
 */
final class Dropout {
    final double rate;
    final int width;
    /** 1 / (1 − rate) in float32, as TensorFlow's dropout scales. */
    private final float scale;
    /** Per row and input: {@code scale} where kept, 0 where dropped (the last training pass's mask). */
    private float[][] mask;
    /** The inputs times the mask, rows × width. */
    float[][] output;
    /** dLoss/dInput = dLoss/dOutput · mask, rows × width. */
    float[][] dInput;

    Dropout(double rate, int width) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("rate must be in [0, 1), got " + rate);
        this.rate = rate;
        this.width = width;
        this.scale = (float) (1 / (1 - rate));
    }

    void allocate(int capacity) {
        mask = new float[capacity][width];
        output = new float[capacity][width];
        dInput = new float[capacity][width];
    }

    /** Draws a new mask for the first {@code rows} rows and applies it: kept where a uniform draw is at least rate. */
    float[][] forward(float[][] x, int rows, SplittableRandom random) {
        for (int q = 0; q < rows; q++) {
            float[] m = mask[q], in = x[q], out = output[q];
            for (int j = 0; j < width; j++) {
                m[j] = random.nextDouble() >= rate ? scale : 0f;
                out[j] = in[j] * m[j];
            }
        }
        return output;
    }

    /** dLoss/dInput from dLoss/dOutput through the last forward pass's mask. */
    float[][] backward(float[][] dOutput, int rows) {
        for (int q = 0; q < rows; q++) {
            float[] m = mask[q], d = dOutput[q], out = dInput[q];
            for (int j = 0; j < width; j++) out[j] = d[j] * m[j];
        }
        return dInput;
    }
}
