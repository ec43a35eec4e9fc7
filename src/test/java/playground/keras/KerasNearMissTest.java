package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import playground.keras.KerasRecogniser.Refusal;
import playground.keras.KerasRecogniser.Verdict;

/**
 * Code that is almost in the subset is refused, with the line the recogniser could not follow and why. Each
 * snippet starts from a runnable program (boston_housing, Dense(8, relu) → Dense(1), mse, adam, 10 epochs) and
 * changes one thing.
 */
class KerasNearMissTest {
    private static final String HEAD = """
            import tensorflow as tf
            from tensorflow import keras
            from tensorflow.keras import layers
            (X_train, y_train), (X_test, y_test) = keras.datasets.boston_housing.load_data()
            """;

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of("a Conv2D layer", HEAD + """
                        model = keras.Sequential([
                            layers.Conv2D(32, 3, activation='relu'),
                            layers.Dense(1),
                        ])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 6, "layers.Conv2D(32, 3, activation='relu'),", "layers.Conv2D 층은 놀이터에 없습니다"),
                Arguments.of("a custom loss function", HEAD + """
                        def my_loss(y_true, y_pred):
                            return tf.reduce_mean(tf.abs(y_true - y_pred))
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss=my_loss, optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 8, "model.compile(loss=my_loss, optimizer='adam')", "직접 만든 손실 함수 my_loss"),
                Arguments.of("epochs from a variable with no known value", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=n_epochs)
                        """, 7, "model.fit(X_train, y_train, epochs=n_epochs)",
                        "epochs: n_epochs이(가) 이 강의의 코드 어디에서도 정해지지 않았습니다"),
                Arguments.of("epochs from a loop", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        for epochs in [10, 100]:
                            model.fit(X_train, y_train, epochs=epochs)
                        """, 8, "model.fit(X_train, y_train, epochs=epochs)", "반복문(for) 안의 model.fit(...)"),
                Arguments.of("model.fit on a data set we do not have", """
                        from tensorflow import keras
                        (X_train, y_train), (X_test, y_test) = keras.datasets.mnist.load_data()
                        model = keras.Sequential([keras.layers.Dense(8, activation='relu'), keras.layers.Dense(10, activation='softmax')])
                        model.compile(loss='sparse_categorical_crossentropy', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 2, "(X_train, y_train), (X_test, y_test) = keras.datasets.mnist.load_data()",
                        "model.fit의 x: keras.datasets.mnist는 놀이터에 없는 데이터셋입니다"),
                Arguments.of("model.fit on a CSV file", """
                        import pandas as pd
                        from tensorflow import keras
                        df = pd.read_csv('houses.csv')
                        model = keras.Sequential([keras.layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(df[['area']], df['price'], epochs=10)
                        """, 6, "model.fit(df[['area']], df['price'], epochs=10)", "model.fit의 x가 어느 데이터셋인지 알 수 없습니다"),
                Arguments.of("an activation we do not have", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='gelu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 5, "model = keras.Sequential([layers.Dense(8, activation='gelu'), layers.Dense(1)])",
                        "activation='gelu'는 놀이터에 없습니다. 쓸 수 있는 것: linear, sigmoid, tanh, relu, leaky_relu, elu, softmax"),
                Arguments.of("a Dropout's noise_shape", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dropout(0.2, noise_shape=(1, 8)), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 5, null, "Dropout의 noise_shape는 따라갈 수 없습니다"),
                Arguments.of("the functional API", HEAD + """
                        inputs = keras.Input(shape=(13,))
                        outputs = layers.Dense(1)(inputs)
                        model = keras.Model(inputs, outputs)
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 7, "model = keras.Model(inputs, outputs)", "keras.Model(...)로 만든 모델은 따라갈 수 없습니다"),
                Arguments.of("an optimizer we do not have", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer=keras.optimizers.Nadam(0.01))
                        model.fit(X_train, y_train, epochs=10)
                        """, 6, null, "optimizers.Nadam는 놀이터에 없습니다"),
                Arguments.of("a 70/30 split", """
                        from sklearn.datasets import load_iris
                        from sklearn.model_selection import train_test_split
                        from tensorflow import keras
                        X, y = load_iris(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3)
                        model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])
                        model.compile(loss='sparse_categorical_crossentropy', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 5, null, "test_size=0.2로 나눠야 합니다"),
                Arguments.of("EarlyStopping on val_loss without validation_split", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10, callbacks=[keras.callbacks.EarlyStopping()])
                        """, 7, null, "val_로 시작하는 값은 validation_split을 0보다 크게 해야 생깁니다"),
                Arguments.of("validation_data", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10, validation_data=(X_test, y_test))
                        """, 7, null, "model.fit의 validation_data는 따라갈 수 없습니다"),
                Arguments.of("a model that is never fitted", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.summary()
                        """, 5, null, "이 모델을 훈련하는 model.fit(...)이 이 강의의 코드에 없습니다"),
                Arguments.of("model.add in a loop", HEAD + """
                        model = keras.Sequential()
                        for units in [64, 32]:
                            model.add(layers.Dense(units, activation='relu'))
                        model.add(layers.Dense(1))
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 7, "model.add(layers.Dense(units, activation='relu'))", "반복문(for) 안의 model.add(...)"),
                Arguments.of("an input_shape that does not fit the data", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu', input_shape=(4,)), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 5, null, "boston_housing의 특성은 13개입니다"),
                Arguments.of("a Normalization never adapted", HEAD + """
                        normalizer = layers.Normalization()
                        model = keras.Sequential([normalizer, layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 5, "normalizer = layers.Normalization()", "adapt(X_train)으로 훈련 데이터에 맞추지 않았습니다"),
                Arguments.of("categorical_crossentropy without to_categorical", """
                        from sklearn.datasets import load_iris
                        from sklearn.model_selection import train_test_split
                        from tensorflow import keras
                        X, y = load_iris(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
                        model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])
                        model.compile(loss='categorical_crossentropy', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 8, null, "to_categorical(y_train)로 바꾼 목표값이 필요합니다"),
                Arguments.of("a StandardScaler fitted on all the data", """
                        from sklearn.datasets import load_wine
                        from sklearn.model_selection import train_test_split
                        from sklearn.preprocessing import StandardScaler
                        from tensorflow import keras
                        X, y = load_wine(return_X_y=True)
                        scaler = StandardScaler().fit(X)
                        X_train, X_test, y_train, y_test = train_test_split(scaler.transform(X), y, test_size=0.2)
                        model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])
                        model.compile(loss='sparse_categorical_crossentropy', optimizer='sgd')
                        model.fit(X_train, y_train, epochs=30)
                        """, 10, null, "StandardScaler는 훈련 데이터(X_train)로 fit해야 합니다"),
                Arguments.of("a model the trainer refuses (two outputs for a regression)", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(2)])
                        model.compile(loss='mse', optimizer='adam')
                        model.fit(X_train, y_train, epochs=10)
                        """, 7, null, "model.layers[1].units: 회귀의 마지막 층은 예측값 하나를 내도록 units가 1이어야 합니다"),
                Arguments.of("keras.metrics.accuracy, the function that counts exact matches", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam', metrics=[keras.metrics.accuracy])
                        model.fit(X_train, y_train, epochs=10)
                        """, 6, null, "keras.metrics.accuracy 함수는 예측이 목표값과 똑같은지만 셉니다"),
                Arguments.of("a metric object renamed with name=", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam', metrics=[keras.metrics.MeanAbsoluteError(name='err')])
                        model.fit(X_train, y_train, epochs=10)
                        """, 6, null, "지표의 name은 따라갈 수 없습니다"),
                Arguments.of("an accuracy on a regression set", HEAD + """
                        model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(loss='mse', optimizer='adam', metrics=['acc'])
                        model.fit(X_train, y_train, epochs=10)
                        """, 7, null, "compile.metrics[0]: acc는 분류 데이터셋에만 쓸 수 있습니다"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearMisses")
    void aNearMissIsRefusedWithItsLineAndReason(String what, String code, int line, String lineText, String reason) {
        Verdict verdict = KerasRecogniser.recognise(code);
        assertNull(verdict.document(), what);
        Refusal refusal = verdict.refusal();
        assertNotNull(refusal, what);
        assertEquals(line, refusal.line(), refusal.message(0));
        if (lineText != null) assertEquals(lineText, refusal.code());
        assertTrue(refusal.reason().contains(reason), refusal.reason());
        assertTrue(refusal.message(0).contains(line + "번째 줄: "), refusal.message(0));
    }
}
