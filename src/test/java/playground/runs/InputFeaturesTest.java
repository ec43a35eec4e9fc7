package playground.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import playground.data.InputFeatures;
import playground.document.KerasCode;
import playground.document.InvalidConfigException;
import playground.document.RunSpec;

/** TensorFlow Playground's input features as {@code dataset.features}: validated, trained on, written as Keras code. */
class InputFeaturesTest {
    private static final String DOC = """
            {"dataset": {"name": "circle", "samples": 200, "noise": 0%s}, "seed": 3,
             "model": {"layers": [{"units": 1, "activation": "sigmoid"}]},
             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.1}, "loss": "binary_crossentropy",
               "metrics": ["accuracy"]},
             "fit": {"epochs": 60, "batch_size": 16, "validation_split": 0.2}}""";

    @Test
    void eachFeatureIsItsFormulaOfX1AndX2() {
        double[] rows = InputFeatures.apply(InputFeatures.NAMES, new double[] {2, -3}, 1);
        assertEquals(List.of(2.0, -3.0, 4.0, 9.0, -6.0, Math.sin(2), Math.sin(-3)),
                java.util.Arrays.stream(rows).boxed().toList());
    }

    @Test
    void aCircleIsBeyondOneUnitOnX1AndX2ButNotOnTheirSquares() throws Exception {
        double plain = Runner.run(RunSpec.parse(DOC.formatted("")), 3).scores().get("accuracy");
        RunSpec squares = RunSpec.parse(DOC.formatted(", \"features\": [\"x1^2\", \"x2^2\"]"));
        assertEquals(List.of("x1^2", "x2^2"), squares.inputs());
        assertEquals(3, squares.summary().total_params(), "two kernel weights and a bias");
        double squared = Runner.run(squares, 3).scores().get("accuracy");
        assertTrue(plain < 0.75 && squared > 0.9, "x1, x2: " + plain + "; x1², x2²: " + squared);
        assertEquals(squares, RunSpec.parse(squares.toJson().toString()), "the document keeps its features");
    }

    @Test
    void anUnknownRepeatedOrMisplacedFeatureIsRefusedNamingTheField() {
        for (String features : List.of("[\"x3\"]", "[\"x1\", \"x1\"]", "[]", "\"x1\"")) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> RunSpec.parse(DOC.formatted(", \"features\": " + features)));
            assertEquals("dataset.features", e.field(), features);
            assertTrue(e.getMessage().contains("sin(x1)"), e.getMessage());
        }
        InvalidConfigException table = assertThrows(InvalidConfigException.class, () -> RunSpec.parse(
                "{\"dataset\": {\"name\": \"iris\", \"features\": [\"x1\"]}, \"model\": {\"layers\": [{\"units\": 3,"
                        + " \"activation\": \"softmax\"}]}, \"compile\": {\"loss\": \"sparse_categorical_crossentropy\"}}"));
        assertEquals("dataset.features", table.field());
    }

    @Test
    void theKerasCodeComputesTheFeaturesFromTheDownloadedColumns() throws Exception {
        String code = KerasCode.of(RunSpec.parse(DOC.formatted(", \"features\": [\"x1\", \"x1x2\", \"sin(x2)\"]")));
        assertTrue(code.contains("def input_features(X):\n    x1, x2 = X[:, 0], X[:, 1]\n"
                + "    return np.stack([x1, x1 * x2, np.sin(x2)], axis=1)\n"), code);
        assertTrue(code.indexOf("input_features(X_train)") < code.indexOf("keras.Input"), code);
        assertTrue(!KerasCode.of(RunSpec.parse(DOC.formatted(""))).contains("input_features"));
    }
}
