package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic gradients against central finite differences, for every layer, activation and loss. */
class GradientCheckTest {
    private static final int ROWS = 5;
    private static final int FEATURES = 3;
    /** The finite-difference step: small enough to stay off relu kinks, large enough to rise above float32 noise. */
    private static final double H = 3e-3;
    /** Gradients below this (|analytic| + |numeric|) are compared absolutely, where float32 noise dominates. */
    private static final double FLOOR = 1e-2;

    /**
     * A batch, a model ending in {@code outputs} units, targets for {@code loss}; returns the worst relative error
     * between the analytic gradients, each multiplied by {@code skew} (1 for the real check), and central differences.
     */
    private static double worstError(Activation hidden, Activation last, Loss loss, int outputs, double skew) {
        boolean fromLogits = loss.fromLogitsOf(last);
        SplittableRandom random = new SplittableRandom(42);
        Sequential model = new Sequential(FEATURES, true)
                .add(4, hidden, hidden == Activation.ELU ? 0.7 : 0.1)
                .add(outputs, last, 0.1);
        model.initialize(random);
        double[] x = new double[ROWS * FEATURES];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble() * 4 - 2;
        model.adapt(x, ROWS);
        // nudge so no relu input sits on its kink; keep float values, as the model sees them
        for (int i = 0; i < x.length; i++) x[i] = (float) (x[i] + 0.01 * (random.nextDouble() - 0.5));
        float[] y = targets(loss, outputs, random);
        model.allocate(ROWS);

        float[] out = model.forward(rows(x), ROWS);
        float[] dOut = new float[ROWS * outputs];
        float[][] dRows;
        if (fromLogits) {
            loss.logitGradient(out, y, ROWS, outputs, dOut);
            dRows = model.backwardFromLogits(dOut, ROWS, true);
        } else {
            loss.gradient(out, y, ROWS, outputs, dOut);
            dRows = model.backward(dOut, ROWS, true);
        }
        double[] dInput = new double[ROWS * FEATURES];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < FEATURES; j++) dInput[r * FEATURES + j] = dRows[r][j];
        }

        DoubleSupplier lossNow = fromLogits
                ? () -> {
                    model.forward(rows(x), ROWS);
                    return loss.logitValue(model.logits(ROWS), y, ROWS, outputs);
                }
                : () -> loss.value(model.forward(rows(x), ROWS), y, ROWS, outputs);
        double worst = 0;
        for (Parameter p : model.parameters()) {
            double[] analytic = p.gradients();
            for (int i = 0; i < p.size(); i++) {
                int at = i;
                double numeric = centralDifference(v -> p.set(at, v), p.get(i), lossNow);
                worst = Math.max(worst, relativeError(skew * analytic[i], numeric));
            }
        }
        for (int i = 0; i < x.length; i++) {
            int at = i;
            double numeric = centralDifference(v -> x[at] = v, x[i], lossNow);
            worst = Math.max(worst, relativeError(skew * dInput[i], numeric));
        }
        return worst;
    }

    /**
     * dLoss/dw as (L(w + h) − L(w − h)) / (step taken), w a float32 weight set through {@code set}. In float32 a step
     * h of 1e-6 would drown in rounding, so h is a few thousandths and the step is the one the rounded weights took.
     */
    private static double centralDifference(DoubleConsumer set, double saved, DoubleSupplier loss) {
        float up = (float) (saved + H), down = (float) (saved - H);
        set.accept(up);
        double lossUp = loss.getAsDouble();
        set.accept(down);
        double lossDown = loss.getAsDouble();
        set.accept(saved);
        return (lossUp - lossDown) / ((double) up - down);
    }

    private static float[][] rows(double[] x) {
        float[][] rows = new float[ROWS][FEATURES];
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < FEATURES; j++) rows[r][j] = (float) x[r * FEATURES + j];
        }
        return rows;
    }

    private static float[] targets(Loss loss, int outputs, SplittableRandom random) {
        if (loss.sparseTargets()) {
            float[] y = new float[ROWS];
            for (int r = 0; r < ROWS; r++) y[r] = random.nextInt(outputs);
            return y;
        }
        float[] y = new float[ROWS * outputs];
        if (loss == Loss.CATEGORICAL_CROSSENTROPY) {
            for (int r = 0; r < ROWS; r++) y[r * outputs + random.nextInt(outputs)] = 1;
        } else if (loss == Loss.BINARY_CROSSENTROPY) {
            for (int i = 0; i < y.length; i++) y[i] = random.nextInt(2);
        } else {
            for (int i = 0; i < y.length; i++) y[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return y;
    }

    private static double relativeError(double analytic, double numeric) {
        return Math.abs(analytic - numeric) / Math.max(FLOOR, Math.abs(analytic) + Math.abs(numeric));
    }

    /** Worst relative error allowed: float32 noise and the O(h²) truncation stay below 2e-3; a 10% error gives 0.05. */
    private static final double TOLERANCE = 1e-2;

    private record Case(Activation hidden, Activation last, Loss loss, int outputs) {
        double worstError(double skew) {
            return GradientCheckTest.worstError(hidden, last, loss, outputs, skew);
        }
    }

    private static final List<Case> HIDDEN_ACTIVATIONS = java.util.stream.Stream.of(Activation.LINEAR,
                    Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.ELU,
                    Activation.SOFTMAX)
            .map(hidden -> new Case(hidden, Activation.LINEAR, Loss.MSE, 2)).toList();

    /** The cross-entropies after a sigmoid or softmax are the trainer's from-logits form ({@link Loss#fromLogitsOf}). */
    private static final List<Case> LOSSES = List.of(
            new Case(Activation.TANH, Activation.LINEAR, Loss.MSE, 2),
            new Case(Activation.TANH, Activation.LINEAR, Loss.MAE, 2),
            new Case(Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 1),
            new Case(Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 3),
            new Case(Activation.RELU, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY, 3),
            new Case(Activation.RELU, Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 3));

    /** The probability form with its clip, which Keras uses when the output is not a sigmoid or softmax. */
    private static final List<Case> PROBABILITY_LOSSES = List.of(
            new Case(Activation.TANH, Activation.TANH, Loss.BINARY_CROSSENTROPY, 1),
            new Case(Activation.RELU, Activation.SIGMOID, Loss.CATEGORICAL_CROSSENTROPY, 3),
            new Case(Activation.RELU, Activation.SIGMOID, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 3));

    private static final Case SOFTMAX_JACOBIAN = new Case(Activation.SIGMOID, Activation.SOFTMAX, Loss.MSE, 3);

    private static void assertGradientsMatch(List<Case> cases) {
        for (Case c : cases) {
            double error = c.worstError(1);
            assertTrue(error < TOLERANCE, c + ": relative error " + error);
        }
    }

    @Test
    void everyHiddenActivationBackpropagatesItsDerivative() {
        assertGradientsMatch(HIDDEN_ACTIVATIONS);
    }

    @Test
    void everyLossGradientMatchesFiniteDifferences() {
        assertGradientsMatch(LOSSES);
    }

    @Test
    void probabilityFormsOfTheCrossEntropiesMatchFiniteDifferences() {
        assertGradientsMatch(PROBABILITY_LOSSES);
    }

    @Test
    void softmaxOutputBackpropagatesItsJacobian() {
        assertGradientsMatch(List.of(SOFTMAX_JACOBIAN));
    }

    @Test
    void theCheckCatchesAGradientTenPercentOff() {
        // The tolerance is loose enough for float32 finite differences; this shows it is still tight enough to fail.
        List<Case> all = new java.util.ArrayList<>(HIDDEN_ACTIVATIONS);
        all.addAll(LOSSES);
        all.addAll(PROBABILITY_LOSSES);
        all.add(SOFTMAX_JACOBIAN);
        for (Case c : all) {
            double error = c.worstError(1.1);
            assertTrue(error > TOLERANCE, c + ": a 10% wrong gradient passed with relative error " + error);
        }
    }

    @Test
    void categoricalCrossentropyRenormalisesProbabilitiesLikeKeras() {
        // Keras divides by the row sum before the log: p = [0.2, 0.2] with target [1, 0] is -log(0.5).
        double loss = Loss.CATEGORICAL_CROSSENTROPY.value(new float[] {0.2f, 0.2f}, new float[] {1, 0}, 1, 2);
        assertEquals(Math.log(2), loss, 1e-7);
    }

    @Test
    void binaryCrossentropyClipsProbabilities() {
        double loss = Loss.BINARY_CROSSENTROPY.value(new float[] {0f}, new float[] {1}, 1, 1);
        assertEquals(-Math.log(1e-7), loss, 1e-6);
        float[] d = new float[1];
        Loss.BINARY_CROSSENTROPY.gradient(new float[] {0f}, new float[] {1}, 1, 1, d);
        assertEquals(0.0, d[0]);
    }
}
