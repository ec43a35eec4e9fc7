package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import playground.keras.KerasRecogniser.Verdict;
import playground.document.RunSpec;

/** Each supported form of Keras, as a teacher writes it, and the exact run document it becomes. */
class KerasSnippetTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> snippets() {
        return Stream.of(
                Arguments.of("Keras's own metric names kept as History keys, Adam(amsgrad=True), softmax on a hidden layer", """
                        import keras
                        from sklearn.datasets import load_breast_cancer
                        from sklearn.model_selection import train_test_split
                        X, y = load_breast_cancer(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
                        model = keras.Sequential([keras.layers.Dense(8, activation='softmax'),
                                                  keras.layers.Dense(1, activation='sigmoid')])
                        model.compile(optimizer=keras.optimizers.Adam(amsgrad=True), loss='binary_crossentropy',
                                      metrics=['acc', 'binary_accuracy', keras.metrics.BinaryAccuracy(),
                                               keras.metrics.MeanSquaredError(), keras.metrics.mae])
                        model.fit(X_train, y_train, epochs=3)
                        """, """
                        {"dataset":"breast_cancer","model":{"normalize":false,"layers":[{"units":8,"activation":"softmax"},
                         {"units":1,"activation":"sigmoid"}]},"compile":{"optimizer":{"name":"adam","amsgrad":true},
                         "loss":"binary_crossentropy","metrics":["acc","binary_accuracy","mean_squared_error",
                         "mean_absolute_error"]},"fit":{"epochs":3,"batch_size":32,"validation_split":0.0,"shuffle":true}}"""),
                Arguments.of("model.add, tf.keras and keras.layers paths, literal input_shape, string optimizer, shuffle=False", """
                        import tensorflow as tf
                        from tensorflow import keras
                        (X_train, y_train), (X_test, y_test) = tf.keras.datasets.boston_housing.load_data()
                        model = keras.Sequential()
                        model.add(keras.layers.Dense(16, activation='tanh', input_shape=(13,)))
                        model.add(tf.keras.layers.Dense(1))
                        model.compile(loss='mae', optimizer='adam', metrics=['mse'])
                        model.fit(X_train, y_train, epochs=5, batch_size=8, validation_split=0.1, shuffle=False)
                        """, """
                        {"dataset":"boston_housing","model":{"normalize":false,"layers":[{"units":16,"activation":"tanh"},
                         {"units":1,"activation":"linear"}]},"compile":{"optimizer":{"name":"adam"},"loss":"mae",
                         "metrics":["mse"]},"fit":{"epochs":5,"batch_size":8,"validation_split":0.1,"shuffle":false}}"""),
                Arguments.of("layers.Normalization(axis=-1) adapted, SGD with momentum and nesterov, a loss object, load_diabetes", """
                        from sklearn.datasets import load_diabetes
                        from sklearn.model_selection import train_test_split
                        import keras
                        from keras import layers
                        X, y = load_diabetes(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
                        norm = layers.Normalization(axis=-1)
                        norm.adapt(X_train)
                        model = keras.Sequential([norm, layers.Dense(8, activation='relu'), layers.Dense(1)])
                        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
                                      loss=keras.losses.MeanAbsoluteError())
                        model.fit(X_train, y_train, epochs=3)
                        """, """
                        {"dataset":"diabetes","model":{"normalize":true,"layers":[{"units":8,"activation":"relu"},
                         {"units":1,"activation":"linear"}]},"compile":{"optimizer":{"name":"sgd","learning_rate":0.1,
                         "momentum":0.9,"nesterov":true},"loss":"mae","metrics":[]},
                         "fit":{"epochs":3,"batch_size":32,"validation_split":0.0,"shuffle":true}}"""),
                Arguments.of("a load_iris bunch, to_categorical, keras.Input, LeakyReLU as activation, RMSprop(lr), a seed", """
                        from sklearn import datasets
                        from sklearn.model_selection import train_test_split
                        from tensorflow import keras
                        keras.utils.set_random_seed(42)
                        iris = datasets.load_iris()
                        X, y = iris.data, iris.target
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
                        y_train = keras.utils.to_categorical(y_train)
                        model = keras.Sequential([
                            keras.Input(shape=(4,)),
                            keras.layers.Dense(10, activation=keras.layers.LeakyReLU(negative_slope=0.1)),
                            keras.layers.Dense(3, activation='softmax'),
                        ])
                        model.compile(optimizer=keras.optimizers.RMSprop(0.01), loss='categorical_crossentropy',
                                      metrics=['accuracy'])
                        model.fit(X_train, y_train, epochs=20, batch_size=16)
                        """, """
                        {"dataset":"iris","seed":42,"model":{"normalize":false,"layers":[
                         {"units":10,"activation":"leaky_relu","alpha":0.1},{"units":3,"activation":"softmax"}]},
                         "compile":{"optimizer":{"name":"rmsprop","learning_rate":0.01},"loss":"categorical_crossentropy",
                         "metrics":["accuracy"]},"fit":{"epochs":20,"batch_size":16,"validation_split":0.0,"shuffle":true}}"""),
                Arguments.of("build_model(normalizer), constants for epochs and lr, tf.optimizers.Adam(lr), an Activation layer", """
                        import numpy as np
                        import tensorflow as tf
                        from tensorflow.keras import layers
                        from tensorflow.keras.layers.experimental import preprocessing
                        from sklearn.datasets import load_breast_cancer
                        from sklearn.model_selection import train_test_split
                        X, y = load_breast_cancer(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=0.8)
                        normalizer = preprocessing.Normalization()
                        normalizer.adapt(np.array(X_train))
                        EPOCHS = 50
                        lr = 1e-3

                        def build_model(norm):
                            model = tf.keras.Sequential([
                                norm,
                                layers.Dense(16),
                                layers.Activation('relu'),
                                layers.Dense(1, activation=tf.nn.sigmoid),
                            ])
                            model.compile(loss=tf.keras.losses.BinaryCrossentropy(), optimizer=tf.optimizers.Adam(lr),
                                          metrics=['acc'])
                            return model

                        model = build_model(normalizer)
                        history = model.fit(X_train, y_train, epochs=EPOCHS, validation_split=0.2, verbose=0)
                        """, """
                        {"dataset":"breast_cancer","model":{"normalize":true,"layers":[{"units":16,"activation":"relu"},
                         {"units":1,"activation":"sigmoid"}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.001},
                         "loss":"binary_crossentropy","metrics":["acc"]},
                         "fit":{"epochs":50,"batch_size":32,"validation_split":0.2,"shuffle":true}}"""),
                Arguments.of("load_digits, elu, Adagrad(learning_rate=...), sparse_categorical_crossentropy, from-imports of classes", """
                        from sklearn.datasets import load_digits
                        from sklearn.model_selection import train_test_split
                        from tensorflow.keras.models import Sequential
                        from tensorflow.keras.layers import Dense
                        from tensorflow.keras.optimizers import Adagrad
                        X, y = load_digits(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
                        model = Sequential()
                        model.add(Dense(32, activation='elu', input_shape=(X_train.shape[-1],)))
                        model.add(Dense(10, activation='softmax'))
                        model.compile(optimizer=Adagrad(learning_rate=0.05), loss='sparse_categorical_crossentropy')
                        model.fit(X_train, y_train, epochs=2, validation_split=0.25)
                        """, """
                        {"dataset":"digits","model":{"normalize":false,"layers":[{"units":32,"activation":"elu","alpha":1.0},
                         {"units":10,"activation":"softmax"}]},"compile":{"optimizer":{"name":"adagrad","learning_rate":0.05},
                         "loss":"sparse_categorical_crossentropy","metrics":[]},
                         "fit":{"epochs":2,"batch_size":32,"validation_split":0.25,"shuffle":true}}"""),
                Arguments.of("load_wine()['data'], Adam's beta_1 and epsilon, keras.metrics objects, positional fit arguments", """
                        import keras
                        from sklearn.datasets import load_wine
                        from sklearn.model_selection import train_test_split
                        wine = load_wine()
                        X_train, X_test, y_train, y_test = train_test_split(wine['data'], wine['target'], test_size=0.2)
                        model = keras.Sequential([keras.layers.Dense(12, activation='relu'), keras.layers.Dense(3, activation='softmax')])
                        model.compile(keras.optimizers.Adam(learning_rate=0.003, beta_1=0.8, epsilon=1e-6),
                                      keras.losses.SparseCategoricalCrossentropy(),
                                      metrics=[keras.metrics.SparseCategoricalAccuracy()])
                        model.fit(X_train, y_train, 64, 7)
                        """, """
                        {"dataset":"wine","model":{"normalize":false,"layers":[{"units":12,"activation":"relu"},
                         {"units":3,"activation":"softmax"}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.003,
                         "beta_1":0.8,"epsilon":1.0e-6},"loss":"sparse_categorical_crossentropy","metrics":["sparse_categorical_accuracy"]},
                         "fit":{"epochs":7,"batch_size":64,"validation_split":0.0,"shuffle":true}}"""),
                Arguments.of("scikit-learn's StandardScaler fitted on X_train instead of a Normalization layer", """
                        from sklearn.datasets import load_wine
                        from sklearn.model_selection import train_test_split
                        from sklearn.preprocessing import StandardScaler
                        from tensorflow import keras
                        X, y = load_wine(return_X_y=True)
                        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y)
                        scaler = StandardScaler()
                        X_train = scaler.fit_transform(X_train)
                        X_test = scaler.transform(X_test)
                        model = keras.Sequential([keras.layers.Dense(3, activation='softmax')])
                        model.compile(loss='sparse_categorical_crossentropy', optimizer='sgd', metrics=['accuracy'])
                        model.fit(X_train, y_train, epochs=30, batch_size=8)
                        """, """
                        {"dataset":"wine","model":{"normalize":true,"layers":[{"units":3,"activation":"softmax"}]},
                         "compile":{"optimizer":{"name":"sgd"},"loss":"sparse_categorical_crossentropy",
                         "metrics":["accuracy"]},"fit":{"epochs":30,"batch_size":8,"validation_split":0.0,"shuffle":true}}"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void eachSupportedFormGivesItsExactRunDocument(String form, String code, String expected) throws Exception {
        Verdict verdict = KerasRecogniser.recognise(code);
        assertNull(verdict.refusal(), () -> verdict.refusal().message(0));
        JsonNode want = JSON.readTree(expected);
        assertEquals(want, JSON.readTree(verdict.document().toString()));
        RunSpec.from(verdict.document());  // and it is a valid run document
    }

    @Test
    void acrossBlocksTheButtonGoesToTheBlockThatWritesTheModel() {
        List<Verdict> verdicts = KerasRecogniser.recognise(List.of("""
                from tensorflow import keras
                from tensorflow.keras import layers
                (X_train, y_train), (X_test, y_test) = keras.datasets.boston_housing.load_data()
                """, """
                print(X_train.shape)
                """, """
                model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
                """, """
                model.compile(loss='mse', optimizer=keras.optimizers.Adam(learning_rate=0.01))
                """, """
                %%time
                history = model.fit(X_train, y_train,
                                    epochs=10,  # 에포크
                                    verbose=0)
                """));
        assertEquals(Verdict.NONE, verdicts.get(0));
        assertEquals(Verdict.NONE, verdicts.get(1));
        assertTrue(verdicts.get(2).runnable());
        assertEquals(10, verdicts.get(2).document().at("/fit/epochs").asInt());
        assertEquals(Verdict.NONE, verdicts.get(3));
        assertEquals(Verdict.NONE, verdicts.get(4));
    }

    @Test
    void codeOutsideTheSubsetGetsNeitherButtonNorNote() {
        List<Verdict> verdicts = KerasRecogniser.recognise(List.of("""
                import pandas as pd
                from sklearn.linear_model import LinearRegression
                df = pd.read_csv('houses.csv')
                lr = LinearRegression()
                lr.fit(df[['area']], df['price'])
                for i in range(3):
                    print(i)
                """, """
                import matplotlib.pyplot as plt
                plt.plot([1, 2, 3])
                plt.show()
                """, "def broken(:\n  pass\n", "s = 'unterminated\n"));
        assertEquals(List.of(Verdict.NONE, Verdict.NONE, Verdict.NONE, Verdict.NONE), verdicts);
    }
}
