package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import playground.engine.Regularizer;
import playground.keras.KerasRecogniser.Verdict;
import playground.document.KerasCode;
import playground.document.LayerSpec;
import playground.document.RunSpec;

/** The teacher's Dropout, regularizers and EarlyStopping read into the run document, and the code panel's read back. */
class KerasRemediesReaderTest {
    private static final String HEAD = """
            import numpy as np
            import keras
            from keras import layers, regularizers
            from keras.callbacks import EarlyStopping
            (X_train, y_train), (X_test, y_test) = keras.datasets.boston_housing.load_data()
            normalizer = layers.Normalization(axis=-1)
            normalizer.adapt(np.array(X_train))
            """;

    private static String program(String layers, String fitExtra, String before) {
        return HEAD + before + "model = keras.Sequential([\n    keras.Input(shape=(13,)),\n    normalizer,\n" + layers
                + "\n    layers.Dense(1),\n])\nmodel.compile(loss='mse', optimizer=keras.optimizers.Adam(learning_rate=0.01))\n"
                + "history = model.fit(X_train, y_train, epochs=50, batch_size=16, validation_split=0.2" + fitExtra + ")\n";
    }

    private static RunSpec read(String code) throws Exception {
        Verdict verdict = KerasRecogniser.recognise(code);
        assertNull(verdict.refusal(), () -> verdict.refusal().message(0) + "\n" + code);
        return RunSpec.from(verdict.document());
    }

    @Test
    void dropoutRegularizersAndEarlyStoppingAreReadInEveryKerasSpelling() throws Exception {
        RunSpec spec = read(program("""
                    layers.Dense(64, activation='relu', kernel_regularizer=regularizers.l2(0.01)),
                    layers.Dropout(0.3),
                    layers.Dense(32, activation='relu', kernel_regularizer=keras.regularizers.L1L2(l1=0.001, l2=0.002),
                                 bias_regularizer='l1'),
                    keras.layers.Dropout(rate=0.1),""",
                ", callbacks=[es]", "es = EarlyStopping(monitor='val_loss', patience=5, restore_best_weights=True)\n"));
        List<LayerSpec> layers = spec.model().layers();
        assertEquals(List.of(false, true, false, true, false), layers.stream().map(LayerSpec::isDropout).toList());
        assertEquals(new Regularizer(0, 0.01), layers.get(0).kernel_regularizer());
        assertEquals(0.3, layers.get(1).rate());
        assertEquals(new Regularizer(0.001, 0.002), layers.get(2).kernel_regularizer());
        assertEquals(new Regularizer(0.01, 0), layers.get(2).bias_regularizer());
        assertEquals(0.1, layers.get(3).rate());
        assertEquals(5, spec.fit().early_stopping().patience());
        assertTrue(spec.fit().early_stopping().restore_best_weights());
        assertEquals("val_loss", spec.fit().early_stopping().monitor());
    }

    @Test
    void modelAddAndTensorflowsSpellingsAreReadToo() throws Exception {
        RunSpec spec = read("""
                import numpy as np
                import tensorflow as tf
                (X_train, y_train), (X_test, y_test) = tf.keras.datasets.boston_housing.load_data()
                model = tf.keras.models.Sequential()
                model.add(tf.keras.layers.Dense(16, activation='relu', input_shape=(13,),
                                                kernel_regularizer=tf.keras.regularizers.l2(l2=0.003)))
                model.add(tf.keras.layers.Dropout(0.5))
                model.add(tf.keras.layers.Dense(1, bias_regularizer='l2'))
                model.compile(optimizer='adam', loss='mse')
                stop = tf.keras.callbacks.EarlyStopping('loss', 0.01, 2)
                model.fit(X_train, y_train, epochs=30, callbacks=[stop])
                """);
        assertEquals(new Regularizer(0, 0.003), spec.model().layers().get(0).kernel_regularizer());
        assertEquals(0.5, spec.model().layers().get(1).rate());
        assertEquals(new Regularizer(0, 0.01), spec.model().layers().get(2).bias_regularizer());
        var es = spec.fit().early_stopping();
        assertEquals(List.of("loss", 0.01, 2), List.of(es.monitor(), es.min_delta(), es.patience()));
    }

    @Test
    void theCodePanelsCodeReadsBackAsTheSameRun() throws Exception {
        RunSpec spec = read(program("""
                    layers.Dense(64, activation='relu', kernel_regularizer=regularizers.L2(0.05), bias_regularizer=regularizers.l1_l2(l1=0.1)),
                    layers.Dropout(0.25),""",
                ", callbacks=[keras.callbacks.EarlyStopping(monitor='val_loss', patience=3, min_delta=0.01, mode='min', start_from_epoch=2)]", ""));
        String code = KerasCode.of(spec);
        assertTrue(code.contains("layers.Dropout(0.25)"), code);
        assertTrue(code.contains("kernel_regularizer=keras.regularizers.L2(0.05)"), code);
        assertTrue(code.contains("callbacks=[early_stopping]"), code);
        assertTrue(code.contains("model.set_weights("), code);
        assertTrue(code.contains("r2 = 1 - np.sum("), code);
        assertEquals(spec, read(code), code);
    }

    @Test
    void nearMissesAreExplainedOnTheirLine() {
        String[][] cases = {
                {"    layers.Dropout(0.3, noise_shape=(1, 13)),", "", "Dropout의 noise_shape"},
                {"    layers.Dense(8, kernel_regularizer=keras.regularizers.OrthogonalRegularizer()),", "", "OrthogonalRegularizer"},
                {"    layers.Dense(8, kernel_regularizer=0.01),", "", "kernel_regularizer에는"},
                {"    layers.Dense(8),", ", callbacks=[keras.callbacks.ModelCheckpoint('m.keras')]", "ModelCheckpoint"},
                {"    layers.Dense(8),", ", callbacks=[keras.callbacks.EarlyStopping(baseline=3.0)]", "baseline"},
                {"    layers.Dense(8),", ", callbacks=[keras.callbacks.EarlyStopping(monitor='val_accuracy')]", "monitor"},
        };
        for (String[] c : cases) {
            Verdict verdict = KerasRecogniser.recognise(program(c[0], c[1], ""));
            assertNotNull(verdict.refusal(), c[0] + c[1]);
            String message = verdict.refusal().message(0);
            assertTrue(message.contains(c[2]) && message.matches("(?s).*[가-힣].*"), message);
        }
    }
}
