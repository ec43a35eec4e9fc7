package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import playground.keras.KerasRecogniser.Verdict;
import playground.document.KerasCode;
import playground.document.RunSpec;

/** A widget's Keras code (KerasCode, the reverse direction), read back by the recogniser, gives the same run. */
class KerasRoundTripTest {
    /** Every ```playground block under content/, named by file. */
    static Stream<Arguments> presets() throws IOException {
        List<Arguments> presets = new ArrayList<>();
        Pattern block = Pattern.compile("(?m)^```playground[^\\n]*\\n(.*?)^```", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(file));
                int n = 0;
                while (m.find()) {
                    ++n;
                    // a scikit-learn widget's code is SklearnCode's (server.SklearnCodeIT), not a Keras program
                    if (!m.group(1).contains("\"estimator\"")) presets.add(Arguments.of(file + " #" + n, m.group(1)));
                }
            }
        }
        return presets.stream();
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("the notes' model with a seed", """
                        {"dataset":"boston_housing","seed":7,"model":{"normalize":true,"layers":[{"units":64,"activation":"relu"},
                        {"units":32,"activation":"relu"},{"units":1}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.01},
                        "loss":"mse","metrics":["mae"]},"fit":{"epochs":100,"batch_size":16,"validation_split":0.2}}"""),
                Arguments.of("iris, categorical, leaky_relu, sgd with nesterov", """
                        {"dataset":"iris","model":{"normalize":false,"layers":[{"units":8,"activation":"leaky_relu","alpha":0.05},
                        {"units":3,"activation":"softmax"}]},"compile":{"optimizer":{"name":"sgd","learning_rate":0.1,"momentum":0.9,
                        "nesterov":true},"loss":"categorical_crossentropy","metrics":["accuracy"]},"fit":{"epochs":20}}"""),
                Arguments.of("iris, sparse, default leaky_relu, no shuffle", """
                        {"dataset":"iris","seed":0,"model":{"normalize":true,"layers":[{"units":4,"activation":"leaky_relu"},
                        {"units":3,"activation":"softmax"}]},"compile":{"optimizer":"adam","loss":"sparse_categorical_crossentropy",
                        "metrics":["accuracy"]},"fit":{"epochs":3,"batch_size":1,"shuffle":false}}"""),
                Arguments.of("breast_cancer, binary, rmsprop rho and epsilon", """
                        {"dataset":"breast_cancer","model":{"normalize":true,"layers":[{"units":16,"activation":"tanh"},
                        {"units":1,"activation":"sigmoid"}]},"compile":{"optimizer":{"name":"rmsprop","learning_rate":0.002,
                        "rho":0.8,"epsilon":1e-5},"loss":"binary_crossentropy","metrics":["accuracy"]},
                        "fit":{"epochs":5,"batch_size":64,"validation_split":0.1}}"""),
                Arguments.of("wine, elu with its own alpha, adagrad", """
                        {"dataset":"wine","model":{"normalize":true,"layers":[{"units":10,"activation":"elu","alpha":0.5},
                        {"units":10,"activation":"elu"},{"units":3,"activation":"softmax"}]},
                        "compile":{"optimizer":{"name":"adagrad","learning_rate":0.05,"epsilon":1e-6},
                        "loss":"sparse_categorical_crossentropy","metrics":[]},"fit":{"epochs":4}}"""),
                Arguments.of("digits, adam betas", """
                        {"dataset":"digits","model":{"normalize":false,"layers":[{"units":32,"activation":"relu"},
                        {"units":10,"activation":"softmax"}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.001,
                        "beta_1":0.85,"beta_2":0.99},"loss":"sparse_categorical_crossentropy","metrics":["accuracy"]},
                        "fit":{"epochs":2,"batch_size":128,"validation_split":0.2}}"""),
                Arguments.of("diabetes, mae, sgd without momentum, two metrics", """
                        {"dataset":"diabetes","model":{"normalize":true,"layers":[{"units":8,"activation":"sigmoid"},{"units":1}]},
                        "compile":{"optimizer":{"name":"sgd","learning_rate":0.01},"loss":"mae","metrics":["mse","mae"]},
                        "fit":{"epochs":10,"validation_split":0.0}}"""),
                Arguments.of("a generated 2-D set at its defaults", """
                        {"dataset":"circle","model":{"normalize":false,"layers":[{"units":4,"activation":"tanh"},
                        {"units":1,"activation":"sigmoid"}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.03},
                        "loss":"binary_crossentropy","metrics":["accuracy"]},"fit":{"epochs":30,"batch_size":10}}"""),
                Arguments.of("a generated 2-D set with its own samples and noise", """
                        {"dataset":{"name":"spiral","samples":400,"noise":0.2},"model":{"normalize":false,"layers":[
                        {"units":8,"activation":"relu"},{"units":1,"activation":"sigmoid"}]},"compile":{"optimizer":"adam",
                        "loss":"binary_crossentropy","metrics":["accuracy"]},"fit":{"epochs":30}}"""),
                Arguments.of("a generated regression set", """
                        {"dataset":{"name":"plane","noise":0.1},"model":{"normalize":false,"layers":[{"units":1}]},
                        "compile":{"optimizer":{"name":"sgd","learning_rate":0.05},"loss":"mse","metrics":["mae"]},
                        "fit":{"epochs":5,"validation_split":0.2}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyPresetInContentReadsBackAsItself(String where, String json) throws Exception {
        roundTrip(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void aTableOfDocumentsReadsBackAsItself(String what, String json) throws Exception {
        roundTrip(json);
    }

    @Test
    void contentHasPresets() throws IOException {
        assertFalse(presets().toList().isEmpty());
    }

    private static void roundTrip(String json) throws Exception {
        RunSpec spec = RunSpec.parse(json);
        String code = KerasCode.of(spec);
        Verdict verdict = KerasRecogniser.recognise(code);
        assertNull(verdict.refusal(), () -> verdict.refusal().message(0) + "\n" + code);
        assertEquals(spec, RunSpec.from(verdict.document()), code);
    }
}
