package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import playground.keras.KerasRecogniser.Verdict;
import playground.runs.EpochLogs;
import playground.document.KerasCode;
import playground.document.RunSpec;
import playground.vocabulary.ActivationType;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Param;
import playground.vocabulary.Vocabulary;
import playground.runs.Training;

/**
 * Walks the registry: every optimizer, each hyper-parameter moved off Keras's default, is written by KerasCode, read
 * back by the Keras reader as the same run and trained by the engine, so a new entry needs no edit in either.
 */
class VocabularyRoundTripTest {

    /** Every (optimizer, hyper-parameter) pair, learning_rate included. */
    static Stream<Arguments> optimizerParams() {
        List<Arguments> pairs = new ArrayList<>();
        for (OptimizerType o : Vocabulary.OPTIMIZERS) {
            for (Param p : o.params()) pairs.add(Arguments.of(o.name(), p.name()));
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optimizerParams")
    void everyHyperParameterOffItsDefaultGoesToKerasAndBack(String optimizer, String param) throws Exception {
        OptimizerType type = Vocabulary.optimizer(optimizer).orElseThrow();
        Object value = offDefault(type.param(param));
        RunSpec spec = RunSpec.parse(document("{\"name\":\"" + optimizer + "\",\"" + param + "\":" + value + "}"));
        assertEquals(value, spec.compile().optimizer().param(param));

        String code = KerasCode.of(spec);
        String written = param + "=" + (value instanceof Boolean b ? python(b) : "");  // the number as Python prints it
        assertTrue(code.contains("keras.optimizers." + type.keras() + "("), code);
        assertTrue(code.contains(written), written + " in\n" + code);
        Verdict verdict = KerasRecogniser.recognise(code);
        assertNull(verdict.refusal(), () -> verdict.refusal().message(0) + "\n" + code);
        assertEquals(spec, RunSpec.from(verdict.document()), code);

        EpochLogs logs = Training.start(spec, 1).nextEpoch(() -> false);
        assertTrue(Double.isFinite(logs.logs().get("loss")), logs.toString());
        assertTrue(type.slots(spec.compile().optimizer().params()) >= 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void everyOptimizerByItsStringAndItsClassAtKerasDefaults(String optimizer) throws Exception {
        OptimizerType type = Vocabulary.optimizer(optimizer).orElseThrow();
        RunSpec byName = RunSpec.parse(document("\"" + optimizer + "\""));
        assertEquals(type.defaults(null), byName.compile().optimizer().params());
        for (String call : List.of("'" + optimizer + "'", "keras.optimizers." + type.keras() + "()")) {
            Verdict verdict = KerasRecogniser.recognise(program(call));
            assertNull(verdict.refusal(), () -> verdict.refusal().message(0));
            assertEquals(byName, RunSpec.from(verdict.document()), call);
        }
    }

    /** Keras's arguments the engine does not vary: read at Keras's default, refused off it with the default named. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void kerasArgumentsTheEngineDoesNotVaryOnlyAtTheirDefaults(String optimizer) throws Exception {
        OptimizerType type = Vocabulary.optimizer(optimizer).orElseThrow();
        for (Map.Entry<String, Object> fixed : type.kerasFixed().entrySet()) {
            String at = python(fixed.getValue());
            String off = fixed.getValue() instanceof Boolean b ? python(!b) : python((Double) fixed.getValue() + 0.5);
            Verdict accepted = KerasRecogniser.recognise(program("keras.optimizers." + type.keras() + "("
                    + fixed.getKey() + "=" + at + ")"));
            assertNull(accepted.refusal(), () -> accepted.refusal().message(0));
            Verdict refused = KerasRecogniser.recognise(program("keras.optimizers." + type.keras() + "("
                    + fixed.getKey() + "=" + off + ")"));
            assertNotNull(refused.refusal(), fixed.getKey() + "=" + off);
            assertTrue(refused.refusal().reason().contains(fixed.getKey() + "는 Keras 기본값 " + at),
                    refused.refusal().reason());
        }
    }

    /** Every activation in a hidden layer, and one with an alpha at its default, at the string form's and off both. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void everyActivationAndItsAlphaGoToKerasAndBack(String activation) throws Exception {
        ActivationType type = Vocabulary.activation(activation).orElseThrow();
        List<String> layers = new ArrayList<>(List.of("{\"units\":4,\"activation\":\"" + activation + "\"}"));
        if (type.alpha() != null) {
            for (double alpha : List.of(type.kerasFunction(), type.kerasLayer().defaultValue(), 0.05)) {
                layers.add("{\"units\":4,\"activation\":\"" + activation + "\",\"alpha\":" + alpha + "}");
            }
        }
        for (String layer : layers) {
            RunSpec spec = RunSpec.parse(playground.RunDoc.of(document("\"adam\"")).layer(0, layer).json());
            String code = KerasCode.of(spec);
            Verdict verdict = KerasRecogniser.recognise(code);
            assertNull(verdict.refusal(), () -> verdict.refusal().message(0) + "\n" + code);
            assertEquals(spec, RunSpec.from(verdict.document()), code);
        }
    }

    static Stream<String> activations() {
        return Vocabulary.activationNames().stream();
    }

    @Test
    void anOptimizerTheRegistryLacksIsRefusedByEveryReader() {
        assertTrue(KerasRecogniser.recognise(program("keras.optimizers.Nadam()")).refusal().reason()
                .contains(String.join(", ", Vocabulary.OPTIMIZERS.stream().map(OptimizerType::keras).toList())));
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> RunSpec.parse(document("\"nadam\"")));
        assertTrue(e.getMessage().contains(String.join(", ", Vocabulary.optimizerNames())), e.getMessage());
    }

    static Stream<String> optimizers() {
        return Vocabulary.optimizerNames().stream();
    }

    /** A value inside the rule but not Keras's default: the other switch, or a point between the bounds. */
    static Object offDefault(Param p) {
        if (p.kind() == Param.Kind.BOOLEAN) return !(Boolean) p.defaultValue();
        double d = (Double) p.defaultValue();
        double candidate = p.positive() ? d * 2 : (p.min() + Math.min(p.max(), 1.0)) / 2;
        return candidate == d ? (p.min() + d) / 2 : candidate;
    }

    private static String python(Object v) {
        return v instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(v);
    }

    private static String document(String optimizer) {
        return "{\"dataset\":\"iris\",\"seed\":3,\"model\":{\"normalize\":true,\"layers\":[{\"units\":4,"
                + "\"activation\":\"relu\"},{\"units\":3,\"activation\":\"softmax\"}]},\"compile\":{\"optimizer\":"
                + optimizer + ",\"loss\":\"sparse_categorical_crossentropy\",\"metrics\":[\"accuracy\"]},"
                + "\"fit\":{\"epochs\":1,\"batch_size\":16}}";
    }

    /** The same run as {@link #document} in Keras, with {@code optimizer} as written. */
    private static String program(String optimizer) {
        return """
                import keras
                from keras import layers
                from sklearn.datasets import load_iris
                from sklearn.model_selection import train_test_split
                keras.utils.set_random_seed(3)
                X, y = load_iris(return_X_y=True)
                X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
                normalizer = layers.Normalization(axis=-1)
                normalizer.adapt(X_train)
                model = keras.Sequential([normalizer, layers.Dense(4, activation='relu'),
                                          layers.Dense(3, activation='softmax')])
                model.compile(optimizer=%s, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
                model.fit(X_train, y_train, epochs=1, batch_size=16)
                """.formatted(optimizer);
    }
}
