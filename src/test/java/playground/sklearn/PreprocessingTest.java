package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected rows printed by scikit-learn 1.2.1 for the same tiny inputs. */
class PreprocessingTest {
    private static final double[][] X = {{1, 2, 3}, {4, 5, 7}};

    private static Params params(Map<String, ?> values) {
        return new Params("model.preprocess[0]", values);
    }

    @Test
    void polynomialColumnsComeInScikitLearnsOrder() {
        PolynomialFeatures cubic = new PolynomialFeatures(params(Map.of("degree", 3)));
        assertArrayEquals(new double[] {1, 4, 5, 7, 16, 20, 28, 25, 35, 49, 64, 80, 112, 100, 140, 196, 125, 175, 245, 343},
                cubic.fitTransform(X)[1]);
        assertEquals(20, cubic.outputFeatures(3));
        PolynomialFeatures pairs = new PolynomialFeatures(params(Map.of("include_bias", false, "interaction_only", true)));
        assertArrayEquals(new double[] {4, 5, 7, 20, 28, 35}, pairs.fitTransform(X)[1]);
        assertEquals(105, new PolynomialFeatures(2, true).outputFeatures(13));
    }

    @Test
    void scalersLearnOnTheRowsTheyAreFittedOn() {
        assertArrayEquals(new double[] {-1, -1, -1}, new StandardScaler(params(Map.of())).fitTransform(X)[0]);
        MinMaxScaler minMax = new MinMaxScaler(params(Map.of("feature_range", List.of(-1, 1))));
        double[][] out = minMax.fitTransform(new double[][] {{1, 5}, {3, 5}, {2, 5}});
        assertArrayEquals(new double[][] {{-1, -1}, {1, -1}, {0, -1}}, out);
        assertArrayEquals(new double[] {3, -1}, minMax.transform(new double[][] {{5, 5}})[0]);   // no clipping
    }

    @Test
    void badStepParamsNameTheirField() {
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> new MinMaxScaler(params(Map.of("feature_range", List.of(1, 0)))));
        assertEquals("model.preprocess[0].feature_range", e.field());
        e = assertThrows(InvalidParamException.class, () -> new StandardScaler(params(Map.of("copy", true))));
        assertEquals("model.preprocess[0].copy", e.field());
    }
}
