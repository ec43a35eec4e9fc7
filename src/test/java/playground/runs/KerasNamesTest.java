package playground.runs;

import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.engine.Metric;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import playground.document.InvalidConfigException;
import playground.document.KerasCode;
import playground.document.RunSpec;

/** Names Keras's compile accepts, accepted in the run document with what Keras does with them. */
class KerasNamesTest {
    private static final String BOSTON = """
            {"dataset":"boston_housing","model":{"normalize":true,"layers":[{"units":8,"activation":"relu"},{"units":1}]},
             "compile":{"optimizer":{"name":"adam","learning_rate":0.01},"loss":"mse","metrics":METRICS},
             "fit":{"epochs":2,"validation_split":0.2}}""";
    private static final String CANCER = """
            {"dataset":"breast_cancer","model":{"normalize":true,"layers":[{"units":1,"activation":"sigmoid"}]},
             "compile":{"optimizer":"adam","loss":"binary_crossentropy","metrics":METRICS},
             "fit":{"epochs":2,"validation_split":0.2}}""";
    private static final String IRIS = """
            {"dataset":"iris","model":{"normalize":true,"layers":[{"units":3,"activation":"softmax"}]},
             "compile":{"optimizer":"adam","loss":"LOSS","metrics":METRICS},"fit":{"epochs":2,"validation_split":0.2}}""";

    private static String with(String doc, List<String> metrics) {
        return doc.replace("METRICS", metrics.stream().map(m -> "\"" + m + "\"").toList().toString());
    }

    private static Map<String, List<Double>> history(String json) throws InvalidConfigException {
        return Runner.run(RunSpec.parse(json), 3).history();
    }

    /** Each name is a History key, with val_ beside it, and every alias of one measure logs the same values. */
    private static void logsUnderEachName(String doc, List<String> names) throws InvalidConfigException {
        Map<String, List<Double>> h = history(with(doc, names));
        for (String name : names) {
            assertTrue(h.containsKey(name) && h.containsKey("val_" + name), name + " in " + h.keySet());
            assertEquals(h.get(names.get(0)), h.get(name), name);
        }
    }

    @Test
    void everyErrorMetricNameIsLoggedAsWritten() throws Exception {
        logsUnderEachName(BOSTON, List.of("mse", "MSE", "mean_squared_error", "MeanSquaredError"));
        logsUnderEachName(BOSTON, List.of("mae", "MAE", "mean_absolute_error", "MeanAbsoluteError"));
        logsUnderEachName(BOSTON, List.of("mape", "MAPE", "mean_absolute_percentage_error", "MeanAbsolutePercentageError"));
        logsUnderEachName(BOSTON, List.of("msle", "MSLE", "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError"));
        logsUnderEachName(BOSTON, List.of("root_mean_squared_error", "RootMeanSquaredError"));
    }

    @Test
    void errorMetricsAgreeWithTheLossTheyShadow() throws Exception {
        // The loss is mse, computed on the same outputs as the metrics: mse equals it, the root is its square root.
        Map<String, List<Double>> h = history(with(BOSTON, List.of("mse", "root_mean_squared_error")));
        assertEquals(List.of("loss", "mse", "root_mean_squared_error", "val_loss", "val_mse", "val_root_mean_squared_error"),
                List.copyOf(h.keySet()));
        for (int e = 0; e < 2; e++) {
            assertEquals(h.get("loss").get(e), h.get("mse").get(e), 1e-9);
            assertEquals(Math.sqrt(h.get("val_loss").get(e)), h.get("val_root_mean_squared_error").get(e), 1e-9);
        }
    }

    @Test
    void everyAccuracyNameIsLoggedAsWrittenWithTheAccuracyItsLossCalls() throws Exception {
        logsUnderEachName(CANCER, List.of("accuracy", "acc", "binary_accuracy", "BinaryAccuracy", "ACC"));
        logsUnderEachName(IRIS.replace("LOSS", "sparse_categorical_crossentropy"),
                List.of("accuracy", "acc", "sparse_categorical_accuracy", "SparseCategoricalAccuracy"));
        logsUnderEachName(IRIS.replace("LOSS", "categorical_crossentropy"),
                List.of("accuracy", "acc", "categorical_accuracy", "CategoricalAccuracy"));
    }

    @Test
    void errorMetricsCompareProbabilitiesWithZeroOneAndOneHotTargets() throws Exception {
        logsUnderEachName(CANCER, List.of("mse", "MeanSquaredError"));
        logsUnderEachName(IRIS.replace("LOSS", "categorical_crossentropy"), List.of("mae", "mean_absolute_error"));
        InvalidConfigException sparse = assertThrows(InvalidConfigException.class, () -> RunSpec.parse(
                with(IRIS.replace("LOSS", "sparse_categorical_crossentropy"), List.of("acc", "mae"))));
        assertEquals("compile.metrics[1]", sparse.field());
        assertTrue(sparse.getMessage().contains("정수 레이블"), sparse.getMessage());
    }

    @Test
    void theTestScoresKeepTheNameAndStillCarryAccuracy() throws Exception {
        Map<String, Double> test = Runner.run(RunSpec.parse(with(CANCER, List.of("acc"))), 3).scores();
        assertEquals(List.of("loss", "acc", "accuracy"), List.copyOf(test.keySet()));
        assertEquals(test.get("acc"), test.get("accuracy"), 1e-12);
    }

    @Test
    void everyNameTheEngineKnowsIsAcceptedSomewhere() {
        for (String name : Metric.names()) {
            String doc = Metric.known(name).isAccuracy()
                    ? switch (Metric.known(name)) {
                        case CATEGORICAL_ACCURACY -> IRIS.replace("LOSS", "categorical_crossentropy");
                        case SPARSE_CATEGORICAL_ACCURACY -> IRIS.replace("LOSS", "sparse_categorical_crossentropy");
                        default -> CANCER;
                    }
                    : BOSTON;
            try {
                assertEquals(List.of(name), RunSpec.parse(with(doc, List.of(name))).compile().metrics());
            } catch (InvalidConfigException e) {
                throw new AssertionError(name + ": " + e.getMessage());
            }
        }
    }

    @Test
    void anAccuracyThatDoesNotFitTheTargetsSaysWhichDoes() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> RunSpec.parse(with(CANCER, List.of("sparse_categorical_accuracy"))));
        assertEquals("compile.metrics[0]", e.field());
        assertTrue(e.getMessage().contains("binary_accuracy"), e.getMessage());
        InvalidConfigException onehot = assertThrows(InvalidConfigException.class, () -> RunSpec.parse(
                with(IRIS.replace("LOSS", "sparse_categorical_crossentropy"), List.of("categorical_accuracy"))));
        assertTrue(onehot.getMessage().contains("sparse_categorical_accuracy"), onehot.getMessage());
        InvalidConfigException regression = assertThrows(InvalidConfigException.class,
                () -> RunSpec.parse(with(BOSTON, List.of("acc"))));
        assertTrue(regression.getMessage().startsWith("compile.metrics[0]: acc는 분류 데이터셋에만"), regression.getMessage());
        assertEquals("compile.metrics[0]", assertThrows(InvalidConfigException.class,
                () -> RunSpec.parse(with(BOSTON, List.of("Mae")))).field());
    }

    @Test
    void adamTakesAmsgradAndTheKerasCodeSaysSo() throws Exception {
        RunDoc boston = RunDoc.of(with(BOSTON, List.of()));
        RunSpec spec = RunSpec.parse(boston.add("compile.optimizer.amsgrad", true).json());
        assertEquals(Boolean.TRUE, spec.compile().optimizer().amsgrad());
        assertEquals(spec, RunSpec.from(spec.toJson()));
        assertTrue(KerasCode.of(spec).contains("keras.optimizers.Adam(learning_rate=0.01, amsgrad=True)"), KerasCode.of(spec));
        // v̂ only ever grows, so the steps differ from plain Adam's
        RunSpec plain = RunSpec.parse(with(BOSTON, List.of()));
        assertEquals(Boolean.FALSE, plain.compile().optimizer().amsgrad());
        assertTrue(!Runner.run(spec, 3).history().get("loss").equals(Runner.run(plain, 3).history().get("loss")));
        InvalidConfigException sgd = assertThrows(InvalidConfigException.class, () -> RunSpec.parse(
                boston.set("compile.optimizer.name", "sgd").add("compile.optimizer.amsgrad", true).json()));
        assertEquals("compile.optimizer.amsgrad", sgd.field());
    }

    @Test
    void softmaxOnAHiddenLayerTrains() throws Exception {
        String hidden = RunDoc.of(with(BOSTON, List.of())).activation(0, "softmax").json();
        RunResult r = Runner.run(RunSpec.parse(hidden), 3);
        List<Double> loss = r.history().get("loss");
        assertTrue(loss.stream().allMatch(Double::isFinite), loss.toString());
        assertTrue(KerasCode.of(RunSpec.parse(hidden)).contains("layers.Dense(8, activation='softmax'),"));
    }
}
