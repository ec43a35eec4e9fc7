package playground.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a Python expression stands for, as far as the recogniser can tell without running it. */
sealed interface Value {
    /** Where the recogniser stopped following the code, and why (Korean, for the teacher and the students). */
    record Problem(int block, int line, String reason) {}

    record Num(double value, boolean integer) implements Value {}

    record Str(String value) implements Value {}

    record Bool(boolean value) implements Value {}

    record NoneValue() implements Value {}

    record Seq(List<Value> items, boolean list) implements Value {}

    /** A value the recogniser cannot know; {@code problem} says why, when that matters. */
    record Unknown(Problem problem) implements Value {}

    /** A module, class or function reached through an import, by its canonical path ({@code keras.layers.Dense}). */
    record Ref(String path) implements Value {}

    /** {@code model.fit} before it is called. */
    record Method(Value self, String name) implements Value {}

    /**
     * One of our data sets, or a part of one. {@code oneHot}: passed through {@code to_categorical}; {@code scaledBy}:
     * the StandardScaler that transformed it, or null.
     */
    record Data(String dataset, Role role, boolean oneHot, Scaler scaledBy) implements Value {
        enum Role { X, Y, X_TRAIN, Y_TRAIN, X_TEST, Y_TEST, BUNCH, TRAIN_FRAME, TEST_FRAME }

        Data(String dataset, Role role, boolean oneHot) {
            this(dataset, role, oneHot, null);
        }

        Data with(Role r) {
            return new Data(dataset, r, oneHot, scaledBy);
        }
    }

    /** scikit-learn's StandardScaler; mutable: {@code fit} records what it was fitted on. */
    final class Scaler implements Value {
        Data fittedOn;
    }

    record Shape(Data data) implements Value {}

    /** {@code X_train.shape[1]}: the number of input features of a data set. */
    record Features(String dataset) implements Value {}

    /** An activation: a name and, for leaky_relu and elu, its alpha. */
    record Activation(String name, Double alpha) implements Value {}

    /** A Dense layer; its regularizers null when not given. */
    record DenseLayer(int units, Activation activation, Value inputShape, int line, Regularizer kernel,
                      Regularizer bias) implements Value {
        DenseLayer(int units, Activation activation, Value inputShape, int line) {
            this(units, activation, inputShape, line, null, null);
        }
    }

    /** {@code layers.Dropout(rate)}. */
    record DropoutLayer(double rate, int line) implements Value {}

    /** {@code keras.regularizers.L2(0.01)}, {@code 'l2'}, {@code L1L2(l1=…, l2=…)}: Keras's L1L2 factors. */
    record Regularizer(double l1, double l2) implements Value {}

    /** {@code keras.callbacks.EarlyStopping(...)}: the arguments given, under the run document's names. */
    record EarlyStopping(java.util.Map<String, Object> args, int line) implements Value {}

    /** {@code keras.Input(shape=...)} or {@code layers.InputLayer(...)}. */
    record InputLayer(Value shape, int line) implements Value {}

    /** A layer that only applies an activation ({@code layers.Activation('relu')}, {@code layers.LeakyReLU()}). */
    record ActivationLayer(Activation activation, int line) implements Value {}

    /** An optimizer: its name, the numbers given and the switches given ({@code nesterov}, {@code amsgrad}). */
    record Optimizer(String name, Map<String, Double> numbers, Map<String, Boolean> switches) implements Value {}

    record Loss(String name) implements Value {}

    record Metric(String name) implements Value {}

    record Function(Statement.Def def, int block) implements Value {}

    /** A Normalization layer; mutable: {@code adapt} records what it was adapted on. */
    final class Normalizer implements Value {
        final Problem origin;
        Value adaptedOn;
        Problem problem;

        Normalizer(Problem origin) {
            this.origin = origin;
        }
    }

    /** A Sequential model; mutable: {@code add}, {@code compile} and {@code fit} change it. */
    final class Model implements Value {
        /** Where {@code keras.Sequential} is written: the button goes beside that block. */
        final Problem origin;
        final List<Value> layers = new ArrayList<>();
        /** The first thing that makes the model unrunnable, or null. */
        Problem problem;
        Value optimizer;
        Value loss;
        List<Value> metrics;
        Problem compileProblem;
        boolean compiled;
        /** The run document of the first {@code fit}, once there is one. */
        com.fasterxml.jackson.databind.node.ObjectNode document;
        boolean fitted;

        Model(Problem origin) {
            this.origin = origin;
        }

        void refuse(Problem p) {
            if (problem == null) problem = p;
        }
    }

    static Map<String, Double> numbers() {
        return new LinkedHashMap<>();
    }

    static Map<String, Boolean> switches() {
        return new LinkedHashMap<>();
    }
}
