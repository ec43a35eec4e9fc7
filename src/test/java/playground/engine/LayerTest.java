package playground.engine;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerTest {
    @Test
    void normalizationStoresMeanAndPopulationVariance() {
        Normalization n = new Normalization(1);
        n.adapt(new double[] {1, 2, 3, 4}, 4);
        assertEquals(2.5, n.mean()[0], 0.0);
        assertEquals(1.25, n.variance()[0], 0.0);  // ddof 0: 5 / 4
        assertEquals(4, n.count());
        assertEquals(3, n.paramCount());
    }

    @Test
    void normalizationOfAConstantColumnDividesByEpsilon() {
        Normalization n = new Normalization(1);
        n.adapt(new double[] {1, 1}, 2);
        n.allocate(1);
        n.forward(new float[][] {{1 + 0x1p-20f}}, 1);  // 1 + 2^-20: the nearest float above 1 + 1e-6
        assertEquals(0x1p-20 / 1e-7, n.output[0][0], 1e-5);
    }

    @Test
    void glorotUniformKernelStaysWithinLimitAndBiasIsZero() {
        Sequential m = new Sequential(13, false).add(64, Activation.RELU, 0);
        m.initialize(new SplittableRandom(1));
        double limit = Math.sqrt(6.0 / (13 + 64));
        double max = 0;
        for (double w : m.layers().get(0).kernel().values()) max = Math.max(max, Math.abs(w));
        assertTrue(max <= limit && max > 0.9 * limit, "max |w| " + max + " vs limit " + limit);
        assertArrayEquals(new double[64], m.layers().get(0).bias().values(), 0.0);
    }

    @Test
    void denseLayersAreNamedAsKerasNamesThem() {
        Sequential m = new Sequential(13, true).add(64, Activation.RELU, 0).add(32, Activation.RELU, 0)
                .add(1, Activation.LINEAR, 0);
        assertEquals("dense", m.layers().get(0).name());
        assertEquals("dense_1", m.layers().get(1).name());
        assertEquals("dense_2", m.layers().get(2).name());
        assertEquals(3009, m.trainableParams());
        assertEquals(27, m.nonTrainableParams());
    }

    @Test
    void combinationAddsEveryWeightedRowForOddCounts() {
        SplittableRandom r = new SplittableRandom(8);
        for (int count : new int[] {1, 3, 4, 7}) {
            float[][] rows = new float[count][5];
            float[] coefficient = new float[count], out = new float[5], expected = new float[5];
            for (int t = 0; t < count; t++) {
                coefficient[t] = (float) r.nextDouble();
                for (int j = 0; j < 5; j++) rows[t][j] = (float) r.nextDouble();
            }
            for (int j = 0; j < 5; j++) {
                out[j] = expected[j] = j;
                for (int t = 0; t < count; t++) expected[j] += coefficient[t] * rows[t][j];
            }
            Dense.combination(out, out, coefficient, rows, count, 5);
            assertArrayEquals(expected, out, 1e-5f);
        }
    }

    @Test
    void reluPassesTheGradientExactlyWhereItsOutputIsPositive() {
        for (float a : new float[] {Float.MIN_VALUE, Float.MIN_NORMAL, 0x1p-100f, 1e-30f, 0.5f, 1, 3e38f}) {
            assertEquals(1f, Activation.positive(a), "at " + a);
        }
        assertEquals(0f, Activation.positive(0f));
        assertEquals(0f, Activation.positive(Math.max(-0f, 0f)));
    }

    @Test
    void softmaxRowsSumToOne() {
        float[][] z = {{1, 2, 3}, {1000, 1000, 1000}};
        float[][] a = new float[2][3];
        Activation.SOFTMAX.forward(z, a, 2, 3, 0);
        assertEquals(1.0, a[0][0] + a[0][1] + a[0][2], 1e-6);
        assertEquals(1.0 / 3, a[1][1], 1e-7);
    }
}
