package playground.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import playground.cli.BenchCommand;

class KerasCodeTest {
    @Test
    void theNotesModelReadsAsTheNotesWriteIt() throws Exception {
        String code = KerasCode.of(RunSpec.parse(BenchCommand.NOTES_RUN));
        assertTrue(code.contains("(X_train, y_train), (X_test, y_test) = keras.datasets.boston_housing.load_data()"), code);
        assertTrue(code.contains("normalizer.adapt(np.array(X_train))"), code);
        assertTrue(code.contains("""
                model = keras.Sequential([
                    keras.Input(shape=(X_train.shape[1],)),
                    normalizer,
                    layers.Dense(64, activation='relu'),
                    layers.Dense(32, activation='relu'),
                    layers.Dense(1),
                ])"""), code);
        assertTrue(code.contains("model.compile(loss='mse',"), code);
        assertTrue(code.contains("optimizer=keras.optimizers.Adam(learning_rate=0.01)"), code);
        assertTrue(code.contains("history = model.fit(X_train, y_train, epochs=100, batch_size=16, validation_split=0.2, verbose=0)"), code);
        assertTrue(code.contains("plot_loss(history)"), code);
        assertTrue(code.contains("keras.utils.set_random_seed(7)"), code);
    }

    @Test
    void withoutNormalizationTheInputShapeComesFirstAndLeakyReluKeepsItsSlope() throws Exception {
        String code = KerasCode.of(RunSpec.parse("""
                {"dataset":"iris","model":{"normalize":false,"layers":[{"units":8,"activation":"leaky_relu","alpha":0.05},
                {"units":3,"activation":"softmax"}]},"compile":{"optimizer":{"name":"sgd","learning_rate":0.1,"momentum":0.9,
                "nesterov":true},"loss":"categorical_crossentropy","metrics":["accuracy"]},"fit":{"epochs":20}}"""));
        assertTrue(code.contains("keras.Input(shape=(X_train.shape[1],)),"), code);
        assertTrue(code.contains("layers.Dense(8, activation=layers.LeakyReLU(negative_slope=0.05)),"), code);
        assertTrue(code.contains("keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)"), code);
        assertTrue(code.contains("y_train = keras.utils.to_categorical(y_train)"), code);
        assertTrue(code.contains("load_iris(return_X_y=True)"), code);
    }

    @Test
    void numbersPrintAsPythonReadsThem() {
        assertEquals("0.01", KerasCode.number(0.01));
        assertEquals("1.0", KerasCode.number(1));
        assertEquals("1.0e-7", KerasCode.number(1e-7));
    }

    /** Issue 16: no val_loss without validation_split (a KeyError in Colab), and an Input before the normalizer. */
    @Test
    void withoutValidationTheCodePlotsNoValLossAndEveryModelStartsWithAnInput() throws Exception {
        String code = KerasCode.of(RunSpec.parse(playground.RunDoc.notes().validationSplit(0.0).json()));
        assertTrue(!code.contains("validation_split") && !code.contains("val_loss"), code);
        assertTrue(code.contains("    keras.Input(shape=(X_train.shape[1],)),\n    normalizer,"), code);
    }
}
