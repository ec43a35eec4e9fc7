/**
 * The teacher's Keras code, made runnable: {@link playground.keras.KerasRecogniser} reads a lesson's Python blocks
 * (in order, like a notebook's cells) and, without running anything, turns the model they build, compile and fit
 * into a run document (RUN-CONFIG.md) validated by {@code RunSpec.from}. JDK and Jackson only.
 *
 * <p>The subset: {@code keras.Sequential([...])} and {@code model.add(...)} with {@code layers.Dense(units,
 * activation=..., input_shape=...)} (also {@code keras.layers.Dense}, {@code tf.keras.layers.Dense}, from-imported
 * {@code Dense}), activation-only layers after a linear Dense ({@code Activation}, {@code LeakyReLU}, {@code ELU},
 * {@code ReLU}, {@code Softmax}); a first {@code preprocessing.Normalization()} / {@code layers.Normalization(axis=-1)}
 * adapted on {@code X_train}; {@code model.compile(loss=..., optimizer=..., metrics=[...])} with strings,
 * {@code keras.losses.*} objects and functions, {@code tf.optimizers.Adam(lr)} and {@code keras.optimizers.*(
 * learning_rate=...)} (those of {@code playground.vocabulary.Vocabulary}); the first {@code model.fit(X_train, y_train, epochs=...,
 * batch_size=..., validation_split=..., shuffle=...)}; {@code keras.datasets.boston_housing.load_data()}, scikit-learn's
 * {@code load_iris / load_breast_cancer / load_wine / load_digits / load_diabetes} with
 * {@code train_test_split(..., test_size=0.2)}, {@code to_categorical}, the playground's own 2-D CSV files;
 * scikit-learn's {@code StandardScaler} fitted on {@code X_train} (the same as an adapted Normalization);
 * {@code keras.utils.set_random_seed(n)}; names bound to constants, tuples, imports and {@code def} functions
 * ({@code model = build_model(normalizer)}). Loops, conditions and anything else are not followed: names they set
 * become unknown, and a model they change is refused with the line and the reason, in Korean.
 */
package playground.keras;
