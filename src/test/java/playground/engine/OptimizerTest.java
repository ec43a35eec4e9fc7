package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each optimizer takes two steps on one weight w = 1 with gradients 0.5 then −0.2 and learning rate 0.1; the expected
 * values were computed by hand (in double) from Keras 3's update rules (see each class's Javadoc). The optimizers run in
 * float32 as Keras does, so results agree to a few float ulps (1e-6), far finer than the rules differ from each other.
 */
class OptimizerTest {
    private static double twoSteps(Optimizer optimizer) {
        Parameter w = new Parameter(1, 1);
        w.set(0, 1.0);
        w.gradient[0][0] = 0.5f;
        optimizer.apply(List.of(w));
        w.gradient[0][0] = -0.2f;
        optimizer.apply(List.of(w));
        return w.get(0);
    }

    private static double oneStep(Optimizer optimizer) {
        Parameter w = new Parameter(1, 1);
        w.set(0, 1.0);
        w.gradient[0][0] = 0.5f;
        optimizer.apply(List.of(w));
        return w.get(0);
    }

    @Test
    void plainSgdSubtractsLearningRateTimesGradient() {
        assertEquals(0.95, oneStep(new Sgd(0.1, 0, false)), 1e-6);
        assertEquals(0.97, twoSteps(new Sgd(0.1, 0, false)), 1e-6);
    }

    @Test
    void sgdWithMomentumAccumulatesVelocity() {
        // m1 = -0.05, w = 0.95; m2 = 0.02 - 0.045 = -0.025, w = 0.925
        assertEquals(0.925, twoSteps(new Sgd(0.1, 0.9, false)), 1e-6);
    }

    @Test
    void nesterovSgdLooksAhead() {
        // w1 = 1 - 0.05 + 0.9·(-0.05) = 0.905; w2 = 0.905 + 0.02 + 0.9·(-0.025) = 0.9025
        assertEquals(0.905, oneStep(new Sgd(0.1, 0.9, true)), 1e-6);
        assertEquals(0.9025, twoSteps(new Sgd(0.1, 0.9, true)), 1e-6);
    }

    @Test
    void rmspropDividesBySquareRootOfVelocityPlusEpsilon() {
        // v1 = 0.1·0.25 = 0.025; w1 = 1 - 0.1·0.5/√(0.025 + 1e-7)
        assertEquals(1 - 0.05 / Math.sqrt(0.025 + 1e-7), oneStep(new RmsProp(0.1, 0.9, 1e-7)), 1e-6);
        assertEquals(0.806631657994765, twoSteps(new RmsProp(0.1, 0.9, 1e-7)), 1e-6);
    }

    @Test
    void adamFirstStepMovesByAboutTheLearningRate() {
        // α = 0.1·√0.001/0.1; m = 0.05; v = 0.00025; w = 1 − α·m/(√v + 1e-7)
        assertEquals(0.9000006324515321, oneStep(new Adam(0.1, 0.9, 0.999, 1e-7)), 1e-6);
        assertEquals(0.8654402506933558, twoSteps(new Adam(0.1, 0.9, 0.999, 1e-7)), 1e-6);
    }

    /** The weight (from 1) after one step per gradient. */
    private static Parameter steps(Optimizer optimizer, float... gradients) {
        Parameter w = new Parameter(1, 1);
        w.set(0, 1.0);
        for (float g : gradients) {
            w.gradient[0][0] = g;
            optimizer.apply(List.of(w));
        }
        return w;
    }

    @Test
    void adamWithAmsgradDividesByTheLargestVelocitySoFar() {
        // gradients 0.5 then 0: v falls from 0.00025 to 0.00024975 but v̂ stays at 0.00025, so the second step is smaller
        Parameter amsgrad = steps(new Adam(0.1, 0.9, 0.999, 1e-7, true), 0.5f, 0f);
        assertEquals(0.8330287418979304, amsgrad.get(0), 1e-6);
        assertEquals(3, amsgrad.slots[0].length, "m, v and v̂");
        assertEquals(0.832995231029295, steps(new Adam(0.1, 0.9, 0.999, 1e-7), 0.5f, 0f).get(0), 1e-6);
    }

    @Test
    void adagradStartsItsAccumulatorAtPointOne() {
        // acc = 0.1 + 0.25; w = 1 − 0.1·0.5/√(0.35 + 1e-7)
        assertEquals(0.9154845866007779, oneStep(new Adagrad(0.1, 1e-7)), 1e-6);
        assertEquals(0.9475102132559461, twoSteps(new Adagrad(0.1, 1e-7)), 1e-6);
    }

    @Test
    void optimizerCountsIterations() {
        Adam adam = new Adam(0.001, 0.9, 0.999, 1e-7);
        twoSteps(adam);
        assertEquals(2, adam.iterations());
    }
}
