package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PolynomialFeatures.get_feature_names_out} as scikit-learn 1.2 prints it, in its column order. */
class FeatureNamesTest {
    private static PolynomialFeatures poly(Map<String, Object> params) {
        return new PolynomialFeatures(new Params("model.preprocess[0]", params));
    }

    @Test
    void degreeTwoNamesEveryProductAsScikitLearnDoes() {
        assertEquals(List.of("1", "a", "b", "a^2", "a b", "b^2"), poly(Map.of("degree", 2)).featureNames(List.of("a", "b")));
        // scikit-learn 1.2: PolynomialFeatures(3, include_bias=False).get_feature_names_out(['a', 'b', 'c'])
        assertEquals(List.of("a", "b", "c", "a^2", "a b", "a c", "b^2", "b c", "c^2", "a^3", "a^2 b", "a^2 c", "a b^2",
                "a b c", "a c^2", "b^3", "b^2 c", "b c^2", "c^3"),
                poly(Map.of("degree", 3, "include_bias", false)).featureNames(List.of("a", "b", "c")));
        assertEquals(List.of("1", "a", "b", "c", "a b", "a c", "b c", "a b c"),
                poly(Map.of("degree", 3, "interaction_only", true)).featureNames(List.of("a", "b", "c")));
    }

    @Test
    void theNamesCountIsTheColumnsCount() {
        PolynomialFeatures p = poly(Map.of("degree", 3));
        p.fit(new double[][] {{1, 2, 3}});
        assertEquals(p.transform(new double[][] {{1, 2, 3}})[0].length, p.featureNames(List.of("a", "b", "c")).size());
    }
}
