package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Keras 3's EarlyStopping on hand-made sequences: each expected stop worked out by hand from early_stopping.py (wait
 * grows every watched epoch, an improvement beyond min_delta resets it, stop once wait ≥ patience at an epoch > 0).
 */
class EarlyStoppingTest {
    private static final Sequential MODEL = new Sequential(1, false).add(1, Activation.LINEAR, 0);

    /** Feeds {@code values} as epochs 0, 1, …; returns the number of epochs run (History's length). */
    private static int epochsRun(EarlyStopping callback, String key, double... values) {
        for (int e = 0; e < values.length; e++) {
            if (callback.onEpochEnd(e, Map.of(key, values[e]), MODEL)) return e + 1;
        }
        return values.length;
    }

    private static EarlyStopping minimise(int patience, double minDelta, int startFromEpoch) {
        return new EarlyStopping("val_loss", patience, minDelta, false, false, startFromEpoch);
    }

    @Test
    void stopsOncePatienceEpochsPassWithoutABetterValue() {
        EarlyStopping c = minimise(2, 0, 0);
        // best 3 at epoch 2; epochs 3 and 4 are worse: wait 1, then 2 = patience → stop at epoch 4
        assertEquals(5, epochsRun(c, "val_loss", 5, 4, 3, 3.5, 3.2, 3.1, 3.05));
        assertEquals(4, c.stoppedEpoch());
        assertEquals(2, c.bestEpoch());
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochThatIsNotBetter() {
        EarlyStopping c = minimise(0, 0, 0);
        assertEquals(3, epochsRun(c, "val_loss", 3, 2, 2, 1));  // an equal value is no improvement
        assertEquals(2, c.stoppedEpoch());
    }

    @Test
    void anImprovementMustBeatTheBestByMoreThanMinDelta() {
        EarlyStopping c = minimise(2, 0.5, 0);
        // 9.6 is within 0.5 of 10 (wait 1); 9.2 beats it (best, wait 0); 8.9 and 8.8 are within 0.5 of 9.2 → stop at 4
        assertEquals(5, epochsRun(c, "val_loss", 10, 9.6, 9.2, 8.9, 8.8, 1));
        assertEquals(2, c.bestEpoch());
        // min_delta counts by its size: a negative one is the same rule
        assertEquals(5, epochsRun(minimise(2, -0.5, 0), "val_loss", 10, 9.6, 9.2, 8.9, 8.8, 1));
    }

    @Test
    void epochsBeforeStartFromEpochAreNotWatched() {
        EarlyStopping c = minimise(1, 0, 3);
        // epochs 0–2 rise but are skipped; epoch 3 is the first best, epoch 4 worse: wait 1 = patience → stop at 4
        assertEquals(5, epochsRun(c, "val_loss", 1, 2, 3, 4, 5, 6, 7));
        assertEquals(3, c.bestEpoch());
    }

    @Test
    void anAccuracyIsBetterWhenLarger() {
        EarlyStopping c = new EarlyStopping("val_accuracy", 2, 0, true, false, 0);
        assertEquals(4, epochsRun(c, "val_accuracy", 0.5, 0.6, 0.6, 0.55, 0.9));
        assertEquals(3, c.stoppedEpoch());
    }

    @Test
    void withoutAStopItReportsStoppedEpochZeroAsKerasDoes() {
        EarlyStopping c = minimise(1, 0, 0);
        assertEquals(4, epochsRun(c, "val_loss", 5, 4, 3, 2));
        assertEquals(0, c.stoppedEpoch());
        assertFalse(c.stopped());
        // a missing key is ignored (Keras warns), so it never stops
        assertEquals(3, epochsRun(minimise(0, 0, 0), "loss", 1, 2, 3));
    }

    @Test
    void restoreBestWeightsPutsBackTheBestEpochsWeightsEvenWithoutAnEarlyStop() {
        Sequential model = new Sequential(2, false).add(1, Activation.LINEAR, 0);
        model.initialize(new SplittableRandom(1));
        EarlyStopping c = new EarlyStopping("loss", 5, 0, false, true, 0);
        double[] losses = {3, 1, 2};
        double[] best = null;
        for (int e = 0; e < losses.length; e++) {
            model.layers().get(0).kernel().set(new double[] {e, -e});
            if (e == 1) best = model.layers().get(0).kernel().values();
            assertFalse(c.onEpochEnd(e, Map.of("loss", losses[e]), model));
        }
        c.onTrainEnd(model);
        assertArrayEquals(best, model.layers().get(0).kernel().values());
    }
}
