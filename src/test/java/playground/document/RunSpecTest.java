package playground.document;

import org.junit.jupiter.api.Test;
import playground.RunDoc;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import playground.cli.BenchCommand;
import playground.runs.RunResources;

class RunSpecTest {
    static final String NOTES = BenchCommand.NOTES_RUN;

    /**
     * The notes' text with {@code from} replaced by {@code to} (which must occur): only for what a parsed document
     * cannot hold, a run of whitespace or a key given twice; every other edit goes through {@link RunDoc}.
     */
    private static String notesWith(String from, String to) {
        assertTrue(NOTES.contains(from), from);
        return NOTES.replace(from, to);
    }

    private static InvalidConfigException rejected(RunDoc doc) {
        return rejected(doc.json());
    }

    private static InvalidConfigException rejected(String json) {
        return assertThrows(InvalidConfigException.class, () -> RunSpec.parse(json));
    }

    @Test
    void notesDocumentParsesWithKerasDefaultsFilledIn() throws Exception {
        RunSpec spec = RunSpec.parse(NOTES);
        assertEquals(new DatasetSpec("boston_housing", null, null), spec.dataset());
        assertEquals(7L, spec.seed());
        assertEquals(new LayerSpec(1, "linear", null), spec.model().layers().get(2));
        assertEquals(new OptimizerSpec("adam", Map.of("learning_rate", 0.01, "beta_1", 0.9,
                "beta_2", 0.999, "epsilon", 1e-7, "amsgrad", false)), spec.compile().optimizer());
        assertEquals(new FitSpec(100, 16, 0.2, true), spec.fit());
    }

    @Test
    void canonicalDocumentParsesBackToTheSameSpec() throws Exception {
        for (String json : List.of(NOTES,
                "{\"dataset\":{\"name\":\"spiral\"},\"model\":{\"layers\":[{\"units\":4,\"activation\":\"leaky_relu\"},"
                        + "{\"units\":1,\"activation\":\"sigmoid\"}]},\"compile\":{\"optimizer\":\"sgd\","
                        + "\"loss\":\"binary_crossentropy\"}}")) {
            RunSpec spec = RunSpec.parse(json);
            assertEquals(spec, RunSpec.parse(spec.toJson().toString()));
        }
        RunSpec spiral = RunSpec.parse("{\"dataset\":\"spiral\",\"model\":{\"layers\":[{\"units\":1,"
                + "\"activation\":\"sigmoid\"}]},\"compile\":{\"optimizer\":\"rmsprop\",\"loss\":\"binary_crossentropy\"}}");
        assertEquals(new DatasetSpec("spiral", 500, 0.0), spiral.dataset());
        assertEquals(new OptimizerSpec("rmsprop", Map.of("learning_rate", 0.001, "rho", 0.9,
                "epsilon", 1e-7)), spiral.compile().optimizer());
        assertEquals(new FitSpec(1, 32, 0.0, true), spiral.fit());
        assertNull(spiral.seed());
    }

    @Test
    void costCountsValidationRowsAndSmallBatchesNotOnlyTrainingRows() throws Exception {
        long notes = RunResources.of(RunSpec.parse(NOTES)).ops();
        assertEquals(RunResources.of(RunSpec.parse(NOTES)).ops(), notes);
        // the old estimate, 6 × params × training rows × epochs, is the same order for the notes' model
        assertTrue(notes > 2L * 3009 * 323 * 100 && notes < 12L * 3009 * 323 * 100, "notes cost " + notes);
        // one training row against many validation rows: training shrinks, validation work grows
        long validationHeavy = RunResources.of(RunSpec.parse(RunDoc.notes().validationSplit(0.99).json())).ops();
        assertTrue(validationHeavy > notes / 4, validationHeavy + " vs " + notes);
        // batch_size 1 pays every step's fixed part for every row
        long tiny = RunResources.of(RunSpec.parse(RunDoc.notes().batchSize(1).json())).ops();
        assertTrue(tiny > 3 * notes, tiny + " vs " + notes);
    }

    @Test
    void anExplicitNullIsATypeErrorNotTheDefault() {
        InvalidConfigException e = rejected(RunDoc.notes().set("fit.epochs", null));
        assertEquals("fit.epochs", e.field());
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void anEpsilonThatIsZeroInFloat32IsRefusedAsEpsilonNotBlamedOnTheLearningRate() {
        InvalidConfigException e = rejected(RunDoc.notes().add("compile.optimizer.epsilon", 0).raw("compile.optimizer.epsilon", "5e-324"));
        assertEquals("compile.optimizer.epsilon", e.field());
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
        InvalidConfigException lr = rejected(RunDoc.notes().learningRate(1e-50));
        assertEquals("compile.optimizer.learning_rate", lr.field());
    }

    @Test
    void unknownFieldIsNamedByItsPath() {
        InvalidConfigException e = rejected(RunDoc.notes().remove("model.layers[0].units").add("model.layers[0].unit", 64));
        assertEquals("model.layers[0].unit", e.field());
        assertTrue(e.getMessage().startsWith("model.layers[0].unit: 알 수 없는 항목입니다"), e.getMessage());
        assertEquals("seedd", rejected(RunDoc.notes().remove("seed").add("seedd", 7)).field());
    }

    @Test
    void hugeUnitsGiveTheContractMessage() {
        InvalidConfigException e = rejected(RunDoc.notes().units(1, 100000));
        assertEquals("model.layers[1].units: 1 이상 512 이하의 정수여야 합니다 (받은 값: 100000)", e.getMessage());
        assertEquals("model.layers[1].units", e.field());
        assertEquals("100000", e.value());
    }

    @Test
    void zeroNegativeAndFractionalUnitsAreRejected() {
        assertEquals("model.layers[0].units: 1 이상 512 이하의 정수여야 합니다 (받은 값: 0)",
                rejected(RunDoc.notes().units(0, 0)).getMessage());
        assertEquals("model.layers[0].units", rejected(RunDoc.notes().units(0, -3)).field());
        assertEquals("model.layers[0].units", rejected(RunDoc.notes().units(0, 6.5)).field());
    }

    @Test
    void wrongTypeNamesTheRuleAndValue() {
        InvalidConfigException e = rejected(RunDoc.notes().units(0, "64"));
        assertEquals("model.layers[0].units: 1 이상 512 이하의 정수여야 합니다 (받은 값: \"64\")", e.getMessage());
        assertEquals("fit.shuffle", rejected(RunDoc.notes().set("fit.shuffle", "yes")).field());
        InvalidConfigException model = rejected("{\"dataset\":\"iris\",\"model\":5}");
        assertEquals("model: JSON 객체({ ... })여야 합니다 (받은 값: 5)", model.getMessage());
    }

    @Test
    void nanAndInfinityAreRejected() {
        InvalidConfigException nan = rejected(RunDoc.notes().raw("compile.optimizer.learning_rate", "NaN"));
        assertEquals("", nan.field());
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        InvalidConfigException inf = rejected(RunDoc.notes().raw("compile.optimizer.learning_rate", "1e999"));
        assertEquals("compile.optimizer.learning_rate", inf.field());
        assertTrue(inf.getMessage().contains("유한한 수"), inf.getMessage());
        assertEquals("compile.optimizer.learning_rate",
                rejected(RunDoc.notes().learningRate("NaN")).field());
    }

    @Test
    void learningRateEpochsAndBatchSizeHaveBounds() {
        assertEquals("compile.optimizer.learning_rate: 0보다 크고 10 이하인 수여야 합니다 (받은 값: 0)",
                rejected(RunDoc.notes().learningRate(0)).getMessage());
        assertEquals("compile.optimizer.learning_rate",
                rejected(RunDoc.notes().learningRate(11)).field());
        assertEquals("fit.epochs", rejected(RunDoc.notes().epochs(0)).field());
        assertEquals("fit.epochs", rejected(RunDoc.notes().epochs(1000000)).field());
        assertEquals("fit.batch_size", rejected(RunDoc.notes().batchSize(0)).field());
        assertEquals("seed", rejected(RunDoc.notes().seed(-1)).field());
    }

    @Test
    void tooManyLayersAreRejected() {
        String nine = "{\"units\": 4, \"activation\": \"relu\"},".repeat(8);
        RunDoc notes = RunDoc.notes();
        InvalidConfigException e = rejected(notes.layers("[" + nine + notes.at("model.layers").toString().substring(1)));
        assertEquals("model.layers", e.field());
        assertTrue(e.getMessage().contains("8개 이하"), e.getMessage());
    }

    @Test
    void lossMustFitTheTask() {
        String iris = "{\"dataset\":\"iris\",\"model\":{\"layers\":[{\"units\":3,\"activation\":\"softmax\"}]},"
                + "\"compile\":{\"optimizer\":\"adam\",\"loss\":\"mse\"}}";
        InvalidConfigException e = rejected(iris);
        assertEquals("compile.loss", e.field());
        assertTrue(e.getMessage().contains("분류 데이터셋"), e.getMessage());
        InvalidConfigException back = rejected(RunDoc.notes().loss("binary_crossentropy"));
        assertEquals("compile.loss", back.field());
        assertTrue(back.getMessage().contains("회귀 데이터셋"), back.getMessage());
        assertEquals("compile.loss", rejected(RunDoc.of(iris).loss("binary_crossentropy")).field());
    }

    @Test
    void lastLayerMustFitTheLoss() {
        String iris = "{\"dataset\":\"iris\",\"model\":{\"layers\":[{\"units\":2,\"activation\":\"softmax\"}]},"
                + "\"compile\":{\"optimizer\":\"adam\",\"loss\":\"sparse_categorical_crossentropy\"}}";
        assertEquals("model.layers[0].units", rejected(iris).field());
        assertEquals("model.layers[0].activation",
                rejected(RunDoc.of(iris).units(0, 3).activation(0, "relu")).field());
        assertEquals("model.layers[2].units", rejected(RunDoc.notes().units(2, 2)).field());
        String cancer = "{\"dataset\":\"breast_cancer\",\"model\":{\"layers\":[{\"units\":1}]},"
                + "\"compile\":{\"optimizer\":\"adam\",\"loss\":\"binary_crossentropy\"}}";
        assertEquals("model.layers[0].activation", rejected(cancer).field());
    }

    @Test
    void unknownNamesAreRejected() {
        assertEquals("dataset", rejected(RunDoc.notes().dataset("mnist")).field());
        assertEquals("model.layers[0].activation",
                rejected(RunDoc.notes().activation(0, "swish").activation(1, "swish")).field());
        assertEquals("compile.optimizer.name", rejected(RunDoc.notes().set("compile.optimizer.name", "lion")).field());
        assertEquals("compile.loss", rejected(RunDoc.notes().loss("huber")).field());
        assertEquals("compile.metrics[0]", rejected(RunDoc.notes().set("compile.metrics[0]", "auc")).field());
        assertEquals("compile.metrics[0]", rejected(RunDoc.notes().set("compile.metrics[0]", "accuracy")).field());
        assertEquals("compile.optimizer.momentum",
                rejected(RunDoc.notes().add("compile.optimizer.momentum", 0.9)).field());
    }

    @Test
    void validationSplitMustLeaveRowsOnBothSides() {
        InvalidConfigException e = rejected(RunDoc.notes().validationSplit(0.999));
        assertEquals("fit.validation_split", e.field());
        assertTrue(e.getMessage().contains("훈련 0행, 검증 404행"), e.getMessage());
        assertEquals("fit.validation_split",
                rejected(RunDoc.notes().set("fit.validation_split", 1)).field());
    }

    @Test
    void generatedSetParametersHaveBoundsAndOnlyApplyToGeneratedSets() {
        String spiral = "{\"dataset\":{\"name\":\"spiral\",\"samples\":SAMPLES,\"noise\":NOISE},\"model\":{\"layers\":"
                + "[{\"units\":1,\"activation\":\"sigmoid\"}]},\"compile\":{\"optimizer\":\"adam\","
                + "\"loss\":\"binary_crossentropy\"}}";
        assertEquals("dataset.samples", rejected(spiral.replace("SAMPLES", "5").replace("NOISE", "0")).field());
        assertEquals("dataset.samples", rejected(spiral.replace("SAMPLES", "1000000").replace("NOISE", "0")).field());
        assertEquals("dataset.noise", rejected(spiral.replace("SAMPLES", "100").replace("NOISE", "2")).field());
        assertEquals("dataset.samples", rejected(RunDoc.notes().set("dataset",
                Map.of("name", "boston_housing", "samples", 100))).field());
    }

    @Test
    void parserCapsRejectBigDeepAndLongDocuments() {
        assertEquals("", rejected(notesWith("\"seed\": 7,", "\"seed\": 7," + " ".repeat(17_000))).field());
        assertTrue(rejected("[".repeat(40) + "]".repeat(40)).getMessage().contains("중첩"));
        InvalidConfigException longString = rejected(RunDoc.notes().dataset("a".repeat(300)));
        assertTrue(longString.getMessage().contains("256"), longString.getMessage());
        assertTrue(rejected(notesWith("\"seed\": 7,", "\"seed\": 7, \"seed\": 8,")).getMessage().contains("두 번"));
    }

    @Test
    void malformedDocumentsAreRejectedWholesale() {
        for (String bad : new String[] {"", "null", "[]", "42", "{", "{\"dataset\":\"iris\"} trailing"}) {
            assertEquals("", rejected(bad).field(), bad);
        }
        assertEquals("model", rejected("{\"dataset\":\"iris\"}").field());
    }

    @Test
    void noInputEverEscapesAsAnUncheckedException() {
        SplittableRandom random = new SplittableRandom(11);
        String[] tokens = {"0", "-1", "1e400", "null", "true", "\"x\"", "[]", "{}", "\"softmax\"", "0.5", "513", "[1]"};
        for (int i = 0; i < 1500; i++) {
            StringBuilder s = new StringBuilder(NOTES);
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, tokens[random.nextInt(tokens.length)]);
                    default -> {
                        int colon = s.indexOf(":", at);
                        if (colon < 0) break;
                        int end = colon + 1;
                        while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) end++;
                        s.replace(colon + 1, end, " " + tokens[random.nextInt(tokens.length)]);
                    }
                }
            }
            try {
                RunSpec.parse(s.toString());
            } catch (InvalidConfigException e) {
                assertTrue(!e.getMessage().isBlank());
            } catch (RuntimeException e) {
                fail("unchecked " + e + " for " + s);
            }
        }
    }
}
