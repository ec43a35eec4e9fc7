package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A confidently wrong row, as Keras's TensorFlow backend scores it: the cross-entropy of a sigmoid or softmax output is
 * computed from the logits, so it is not capped at −log(1e-7) ≈ 16.12 and its gradient is not zero.
 */
class FromLogitsTest {
    /** −log(1e-7): where clipping the probability would cap the loss. */
    private static final double CLIPPED = 16.118;

    /** One input x = 1 into one Dense layer whose kernel is {@code logits}, zero bias: z = logits. */
    private static Sequential saturated(Activation activation, double... logits) {
        Sequential m = new Sequential(1, false).add(logits.length, activation, 0);
        m.layers().get(0).kernel().set(logits);
        return m;
    }

    private static Trainer trainer(Sequential m, Loss loss, Examples row) {
        return new Trainer(m, loss, List.of(), new Sgd(0.1, 0, false), row, null, 1, false, new SplittableRandom(0));
    }

    @Test
    void sigmoidRowPredictingOneForAZeroCostsItsLogit() {
        Sequential m = saturated(Activation.SIGMOID, 40);  // sigmoid(40) is 1 in float32
        Examples row = new Examples(1, 1, new double[] {1}, 1, new double[] {0});
        Trainer t = trainer(m, Loss.BINARY_CROSSENTROPY, row);
        assertEquals(40.0, t.evaluate(row).get("loss"), 1e-5);
        t.trainEpoch(() -> false);
        // dLoss/dkernel = (sigmoid(40) − 0) · x = 1: one SGD step of 0.1
        assertEquals(39.9, m.layers().get(0).kernel().get(0), 1e-5);
    }

    @Test
    void softmaxRowPuttingEverythingOnTheWrongClassCostsTheLogitGap() {
        Sequential m = saturated(Activation.SOFTMAX, 0, 60);  // softmax(0, 60) is (0, 1) in float32
        Examples sparse = new Examples(1, 1, new double[] {1}, 1, new double[] {0});
        Trainer t = trainer(m, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, sparse);
        assertEquals(60.0, t.evaluate(sparse).get("loss"), 1e-4);
        t.trainEpoch(() -> false);
        // dLoss/dz = softmax(z) − onehot(0) = (−1, 1)
        assertEquals(0.1, m.layers().get(0).kernel().get(0), 1e-6);
        assertEquals(59.9, m.layers().get(0).kernel().get(1), 1e-5);

        Sequential oneHot = saturated(Activation.SOFTMAX, 0, 60);
        Examples target = new Examples(1, 1, new double[] {1}, 2, new double[] {1, 0});
        assertEquals(60.0, trainer(oneHot, Loss.CATEGORICAL_CROSSENTROPY, target).evaluate(target).get("loss"), 1e-4);
    }

    @Test
    void probabilitiesAloneWouldCapTheLossAndStopTheGradient() {
        // What the trainer no longer does for a sigmoid output: the clipped form Keras uses for other outputs.
        float[] p = {0f}, y = {1f}, d = new float[1];
        assertEquals(CLIPPED, Loss.BINARY_CROSSENTROPY.value(p, y, 1, 1), 1e-3);
        Loss.BINARY_CROSSENTROPY.gradient(p, y, 1, 1, d);
        assertEquals(0f, d[0]);
        Loss.BINARY_CROSSENTROPY.logitGradient(p, y, 1, 1, d);
        assertEquals(-1f, d[0]);
        assertEquals(50.0, Loss.BINARY_CROSSENTROPY.logitValue(new float[] {-50f}, y, 1, 1), 1e-5);
    }

    @Test
    void onlyTheOutputActivationKerasTakesLogitsFromSwitchesTheForm() {
        assertTrue(Loss.BINARY_CROSSENTROPY.fromLogitsOf(Activation.SIGMOID));
        assertTrue(Loss.CATEGORICAL_CROSSENTROPY.fromLogitsOf(Activation.SOFTMAX));
        assertTrue(Loss.SPARSE_CATEGORICAL_CROSSENTROPY.fromLogitsOf(Activation.SOFTMAX));
        assertFalse(Loss.BINARY_CROSSENTROPY.fromLogitsOf(Activation.LINEAR));
        assertFalse(Loss.MSE.fromLogitsOf(Activation.SIGMOID));
    }

    @Test
    void aRowWithinTheClipScoresTheSameEitherWay() {
        // From logits or from probabilities, an unsaturated row has the same loss (to float32 rounding).
        float z = 0.7f, p = 1f / (1f + (float) Math.exp(-z));
        float[] y = {1f};
        assertEquals(Loss.BINARY_CROSSENTROPY.value(new float[] {p}, y, 1, 1),
                Loss.BINARY_CROSSENTROPY.logitValue(new float[] {z}, y, 1, 1), 1e-6);
        float[] zs = {0.3f, -1.2f, 2f};
        float[] ps = new float[3];
        float sum = 0;
        for (int j = 0; j < 3; j++) sum += ps[j] = (float) Math.exp(zs[j]);
        for (int j = 0; j < 3; j++) ps[j] /= sum;
        assertEquals(Loss.SPARSE_CATEGORICAL_CROSSENTROPY.value(ps, new float[] {1}, 1, 3),
                Loss.SPARSE_CATEGORICAL_CROSSENTROPY.logitValue(zs, new float[] {1}, 1, 3), 1e-6);
    }
}
