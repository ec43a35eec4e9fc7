package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic gradients against central finite differences, for every layer, activation and loss. */
class GradientCheckTest {
    private static final int ROWS = 5;
    private static final int FEATURES = 3;

    /** A batch, a model ending in {@code outputs} units, targets for {@code loss}; returns the worst relative error. */
    private static double worstError(Activation hidden, Activation last, Loss loss, int outputs) {
        SplittableRandom random = new SplittableRandom(42);
        Sequential model = new Sequential(FEATURES, true)
                .add(4, hidden, hidden == Activation.ELU ? 0.7 : 0.1)
                .add(outputs, last, 0.1);
        model.initialize(random);
        double[] x = new double[ROWS * FEATURES];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble() * 4 - 2;
        model.adapt(x, ROWS);
        // nudge so no relu input sits on its kink
        for (int i = 0; i < x.length; i++) x[i] += 0.01 * (random.nextDouble() - 0.5);
        double[] y = targets(loss, outputs, random);
        model.allocate(ROWS);

        double[] out = model.forward(rows(x), ROWS);
        double[] dOut = new double[ROWS * outputs];
        loss.gradient(out, y, ROWS, outputs, dOut);
        double[][] dRows = model.backward(dOut, ROWS, true);
        double[] dInput = new double[ROWS * FEATURES];
        for (int r = 0; r < ROWS; r++) System.arraycopy(dRows[r], 0, dInput, r * FEATURES, FEATURES);

        double worst = 0;
        for (Parameter p : model.parameters()) {
            double[] analytic = p.gradients();
            for (int i = 0; i < p.size(); i++) {
                double saved = p.get(i);
                p.set(i, saved + 1e-6);
                double up = loss.value(model.forward(rows(x), ROWS), y, ROWS, outputs);
                p.set(i, saved - 1e-6);
                double down = loss.value(model.forward(rows(x), ROWS), y, ROWS, outputs);
                p.set(i, saved);
                worst = Math.max(worst, relativeError(analytic[i], (up - down) / 2e-6));
            }
        }
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + 1e-6;
            double up = loss.value(model.forward(rows(x), ROWS), y, ROWS, outputs);
            x[i] = saved - 1e-6;
            double down = loss.value(model.forward(rows(x), ROWS), y, ROWS, outputs);
            x[i] = saved;
            worst = Math.max(worst, relativeError(dInput[i], (up - down) / 2e-6));
        }
        return worst;
    }

    private static double[][] rows(double[] x) {
        double[][] rows = new double[ROWS][FEATURES];
        for (int r = 0; r < ROWS; r++) System.arraycopy(x, r * FEATURES, rows[r], 0, FEATURES);
        return rows;
    }

    private static double[] targets(Loss loss, int outputs, SplittableRandom random) {
        if (loss.sparseTargets()) {
            double[] y = new double[ROWS];
            for (int r = 0; r < ROWS; r++) y[r] = random.nextInt(outputs);
            return y;
        }
        double[] y = new double[ROWS * outputs];
        if (loss == Loss.CATEGORICAL_CROSSENTROPY) {
            for (int r = 0; r < ROWS; r++) y[r * outputs + random.nextInt(outputs)] = 1;
        } else if (loss == Loss.BINARY_CROSSENTROPY) {
            for (int i = 0; i < y.length; i++) y[i] = random.nextInt(2);
        } else {
            for (int i = 0; i < y.length; i++) y[i] = random.nextDouble() * 2 - 1;
        }
        return y;
    }

    private static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(1e-4, Math.abs(analytic) + Math.abs(numeric));
    }

    @Test
    void everyHiddenActivationBackpropagatesItsDerivative() {
        for (Activation a : List.of(Activation.LINEAR, Activation.SIGMOID, Activation.TANH, Activation.RELU,
                Activation.LEAKY_RELU, Activation.ELU)) {
            double error = worstError(a, Activation.LINEAR, Loss.MSE, 2);
            assertTrue(error < 1e-5, a + ": relative error " + error);
        }
    }

    @Test
    void everyLossGradientMatchesFiniteDifferences() {
        assertTrue(worstError(Activation.TANH, Activation.LINEAR, Loss.MSE, 2) < 1e-5);
        assertTrue(worstError(Activation.TANH, Activation.LINEAR, Loss.MAE, 2) < 1e-5);
        assertTrue(worstError(Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 1) < 1e-5);
        assertTrue(worstError(Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 3) < 1e-5);
        assertTrue(worstError(Activation.RELU, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY, 3) < 1e-5);
        assertTrue(worstError(Activation.RELU, Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 3) < 1e-5);
    }

    @Test
    void softmaxOutputBackpropagatesItsJacobian() {
        assertTrue(worstError(Activation.SIGMOID, Activation.SOFTMAX, Loss.MSE, 3) < 1e-5);
    }

    @Test
    void categoricalCrossentropyRenormalisesProbabilitiesLikeKeras() {
        // Keras divides by the row sum before the log: p = [0.2, 0.2] with target [1, 0] is -log(0.5).
        double loss = Loss.CATEGORICAL_CROSSENTROPY.value(new double[] {0.2, 0.2}, new double[] {1, 0}, 1, 2);
        assertEquals(Math.log(2), loss, 1e-12);
    }

    @Test
    void binaryCrossentropyClipsProbabilities() {
        double loss = Loss.BINARY_CROSSENTROPY.value(new double[] {0.0}, new double[] {1}, 1, 1);
        assertEquals(-Math.log(1e-7), loss, 1e-9);
        double[] d = new double[1];
        Loss.BINARY_CROSSENTROPY.gradient(new double[] {0.0}, new double[] {1}, 1, 1, d);
        assertEquals(0.0, d[0]);
    }
}
