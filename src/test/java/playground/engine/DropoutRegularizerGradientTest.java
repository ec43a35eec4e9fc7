package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dropout (with its mask held fixed) and the l1/l2 penalties against central finite differences of the loss Keras
 * minimises (the batch's loss plus the penalty), and Dropout's behaviour: seeded, inverted, identity outside training.
 */
class DropoutRegularizerGradientTest {
    private static final int ROWS = 6, FEATURES = 3;
    private static final double H = 3e-3;

    /** Normalization → Dropout(0.4) → Dense(5, tanh, l1 0.02 / l2 0.05 on the kernel, l2 0.1 on the bias) → Dropout(0.25) → Dense(1). */
    private static Sequential model(SplittableRandom random) {
        Sequential m = new Sequential(FEATURES, true)
                .addDropout(0.4)
                .add(5, Activation.TANH, 0, new Regularizer(0.02, 0.05), new Regularizer(0, 0.1))
                .addDropout(0.25)
                .add(1, Activation.LINEAR, 0, new Regularizer(0.03, 0), Regularizer.NONE);
        m.initialize(random);
        return m;
    }

    @Test
    void dropoutWithAFixedMaskAndThePenaltiesHaveTheirFiniteDifferenceGradients() {
        SplittableRandom random = new SplittableRandom(11);
        Sequential model = model(random);
        float[][] x = new float[ROWS][FEATURES];
        double[] flat = new double[ROWS * FEATURES];
        for (int i = 0; i < flat.length; i++) flat[i] = x[i / FEATURES][i % FEATURES] = (float) (random.nextDouble() * 4 - 2);
        model.adapt(flat, ROWS);
        float[] y = new float[ROWS];
        for (int r = 0; r < ROWS; r++) y[r] = (float) random.nextDouble();
        model.allocate(ROWS);
        // the same mask every pass: a fresh generator of one seed before each
        DoubleSupplier loss = () -> {
            model.dropoutRandom(new SplittableRandom(5));
            return Loss.MSE.value(model.forward(x, ROWS, true), y, ROWS, 1) + model.penalty();
        };
        model.dropoutRandom(new SplittableRandom(5));
        float[] out = model.forward(x, ROWS, true);
        float[] dOut = new float[ROWS];
        Loss.MSE.gradient(out, y, ROWS, 1, dOut);
        model.backward(dOut, ROWS, false);
        model.addPenaltyGradients();

        int checked = 0;
        for (Parameter p : model.parameters()) {
            double[] analytic = p.gradients();
            for (int i = 0; i < p.size(); i++) {
                double saved = p.get(i);
                float up = (float) (saved + H), down = (float) (saved - H);
                p.set(i, up);
                double lossUp = loss.getAsDouble();
                p.set(i, down);
                double lossDown = loss.getAsDouble();
                p.set(i, saved);
                double numeric = (lossUp - lossDown) / ((double) up - down);
                double error = Math.abs(analytic[i] - numeric) / Math.max(1e-2, Math.abs(analytic[i]) + Math.abs(numeric));
                assertTrue(error < 2e-2, "parameter " + checked + ": analytic " + analytic[i] + ", numeric " + numeric);
                checked++;
            }
        }
        assertEquals(3 * 5 + 5 + 5 + 1, checked);
    }

    @Test
    void thePenaltyIsKerasL1L2SummedOverEveryRegularisedWeight() {
        Sequential model = model(new SplittableRandom(3));
        Dense first = model.layers().get(0), second = model.layers().get(1);
        double expected = 0;
        for (double w : first.kernel().values()) expected += 0.02 * Math.abs(w) + 0.05 * w * w;
        for (double b : first.bias().values()) expected += 0.1 * b * b;
        for (double w : second.kernel().values()) expected += 0.03 * Math.abs(w);
        assertEquals(expected, model.penalty(), 1e-9);
        assertTrue(expected > 0);
    }

    @Test
    void dropoutIsSeededInvertedAndTheIdentityOutsideTraining() {
        Sequential model = new Sequential(400, false).addDropout(0.3).add(1, Activation.LINEAR, 0);
        model.initialize(new SplittableRandom(1));
        model.allocate(1);
        float[][] x = new float[1][400];
        java.util.Arrays.fill(x[0], 1f);
        Dropout drop = new Dropout(0.3, 400);
        drop.allocate(1);
        float[] a = drop.forward(x, 1, new SplittableRandom(9))[0].clone();
        float[] b = drop.forward(x, 1, new SplittableRandom(9))[0].clone();
        float[] c = drop.forward(x, 1, new SplittableRandom(10))[0].clone();
        assertArrayEquals(a, b);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
        int kept = 0;
        for (float v : a) {
            assertTrue(v == 0f || v == (float) (1 / 0.7), "kept inputs are scaled by 1 / (1 − rate): " + v);
            if (v != 0f) kept++;
        }
        assertTrue(kept > 240 && kept < 320, "about 70% of 400 kept: " + kept);
        // evaluation and predict: no units dropped, the plain Dense output
        double plain = 0;
        for (double w : model.layers().get(0).kernel().values()) plain += w;
        double[] ones = new double[400];
        java.util.Arrays.fill(ones, 1);
        assertEquals(plain, model.predict(ones, 1)[0], 1e-4);
    }
}
