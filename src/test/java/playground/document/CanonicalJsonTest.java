package playground.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RunSpec#toJson}'s canonical document, byte for byte, for documents that use every part of it: each pinned
 * output is what the hand-built writer gave before the switch to Jackson binding. And each reads back as itself.
 */
class CanonicalJsonTest {
    /** A document in, its canonical text out. */
    private record Pin(String document, String canonical) {}

    private static final List<Pin> PINS = List.of(
            new Pin(NotesRun.DOCUMENT, "{\"dataset\":\"boston_housing\",\"seed\":7,\"model\":{\"normalize\":true,\"layers\":[{\"units\":64,\"activation\":\"relu\"},{\"units\":32,\"activation\":\"relu\"},{\"units\":1,\"activation\":\"linear\"}]},\"compile\":{\"optimizer\":{\"name\":\"adam\",\"learning_rate\":0.01,\"beta_1\":0.9,\"beta_2\":0.999,\"epsilon\":1.0E-7},\"loss\":\"mse\",\"metrics\":[\"mae\"]},\"fit\":{\"epochs\":100,\"batch_size\":16,\"validation_split\":0.2,\"shuffle\":true}}"),
            new Pin("""
                    {"dataset": {"name": "spiral", "samples": 300, "noise": 0.1, "features": ["x1", "x2", "x1x2", "sin(x1)"]},
                     "model": {"layers": [{"units": 8, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]},
                     "compile": {"optimizer": {"name": "sgd", "learning_rate": 0.1, "momentum": 0.9},
                                 "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]},
                     "fit": {"epochs": 20, "batch_size": 10, "validation_split": 0, "shuffle": false}}
                    """, "{\"dataset\":{\"name\":\"spiral\",\"samples\":300,\"noise\":0.1,\"features\":[\"x1\",\"x2\",\"x1x2\",\"sin(x1)\"]},\"model\":{\"normalize\":false,\"layers\":[{\"units\":8,\"activation\":\"tanh\"},{\"units\":2,\"activation\":\"softmax\"}]},\"compile\":{\"optimizer\":{\"name\":\"sgd\",\"learning_rate\":0.1,\"momentum\":0.9},\"loss\":\"sparse_categorical_crossentropy\",\"metrics\":[\"accuracy\"]},\"fit\":{\"epochs\":20,\"batch_size\":10,\"validation_split\":0.0,\"shuffle\":false}}"),
            new Pin("""
                    {"dataset": "iris", "seed": 3,
                     "model": {"normalize": true, "layers": [
                        {"units": 16, "activation": "leaky_relu", "alpha": 0.1,
                         "kernel_regularizer": {"l1": 0.001, "l2": 0.002}, "bias_regularizer": {"l2": 0.01}},
                        {"type": "Dropout", "rate": 0.3},
                        {"units": 3, "activation": "softmax"}]},
                     "compile": {"optimizer": {"name": "adam", "learning_rate": 0.001, "amsgrad": true},
                                 "loss": "categorical_crossentropy", "metrics": ["accuracy"]},
                     "fit": {"epochs": 40, "batch_size": 8, "validation_split": 0.25,
                             "callbacks": [{"name": "EarlyStopping", "monitor": "val_accuracy", "patience": 4,
                                            "restore_best_weights": true}]}}
                    """, "{\"dataset\":\"iris\",\"seed\":3,\"model\":{\"normalize\":true,\"layers\":[{\"units\":16,\"activation\":\"leaky_relu\",\"alpha\":0.1,\"kernel_regularizer\":{\"l1\":0.001,\"l2\":0.002},\"bias_regularizer\":{\"l1\":0.0,\"l2\":0.01}},{\"type\":\"Dropout\",\"rate\":0.3},{\"units\":3,\"activation\":\"softmax\"}]},\"compile\":{\"optimizer\":{\"name\":\"adam\",\"learning_rate\":0.001,\"beta_1\":0.9,\"beta_2\":0.999,\"epsilon\":1.0E-7,\"amsgrad\":true},\"loss\":\"categorical_crossentropy\",\"metrics\":[\"accuracy\"]},\"fit\":{\"epochs\":40,\"batch_size\":8,\"validation_split\":0.25,\"shuffle\":true,\"callbacks\":[{\"name\":\"EarlyStopping\",\"monitor\":\"val_accuracy\",\"patience\":4,\"min_delta\":0.0,\"mode\":\"auto\",\"restore_best_weights\":true,\"start_from_epoch\":0}]}}"),
            new Pin("""
                    {"dataset": "boston_housing",
                     "model": {"layers": [{"units": 1}]},
                     "compile": {"optimizer": {"name": "rmsprop"}, "loss": "mae"},
                     "fit": {"epochs": 5, "validation_split": 0.2, "callbacks": [{"name": "EarlyStopping"}]}}
                    """, "{\"dataset\":\"boston_housing\",\"model\":{\"normalize\":false,\"layers\":[{\"units\":1,\"activation\":\"linear\"}]},\"compile\":{\"optimizer\":{\"name\":\"rmsprop\",\"learning_rate\":0.001,\"rho\":0.9,\"epsilon\":1.0E-7},\"loss\":\"mae\",\"metrics\":[]},\"fit\":{\"epochs\":5,\"batch_size\":32,\"validation_split\":0.2,\"shuffle\":true,\"callbacks\":[{\"name\":\"EarlyStopping\",\"monitor\":\"val_loss\",\"patience\":0,\"min_delta\":0.0,\"mode\":\"auto\",\"restore_best_weights\":false,\"start_from_epoch\":0}]}}"));

    @Test
    void canonicalDocumentIsPinnedByteForByte() throws InvalidConfigException {
        for (Pin pin : PINS) assertEquals(pin.canonical(), RunSpec.parse(pin.document()).toJson().toString());
    }

    @Test
    void canonicalDocumentReadsBackAsItself() throws InvalidConfigException {
        for (Pin pin : PINS) {
            RunSpec spec = RunSpec.parse(pin.document());
            assertEquals(spec, RunSpec.parse(spec.toJson().toString()));
        }
    }
}
