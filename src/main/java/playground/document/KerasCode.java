package playground.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.vocabulary.ActivationType;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Param;
import playground.vocabulary.Vocabulary;

/**
 * The Keras (Python) program equivalent to a run document, ready to paste into Colab. It follows the
 * course notes' style: load, Normalization.adapt, Sequential, compile, fit with validation_split, plot_loss.
 */
public final class KerasCode {
    private KerasCode() {}

    public static String of(RunSpec spec) {
        List<String> lines = new ArrayList<>();
        lines.add("import numpy as np");
        lines.add("import matplotlib.pyplot as plt");
        lines.add("import keras");
        lines.add("from keras import layers");
        lines.add("");
        if (spec.seed() != null) lines.add("keras.utils.set_random_seed(" + spec.seed() + ")");
        lines.addAll(loadData(spec));
        lines.addAll(KerasFeatures.lines(spec.dataset().features()));
        lines.add("");
        boolean oneHot = spec.compile().loss().equals("categorical_crossentropy");
        if (oneHot) {
            lines.add("y_train = keras.utils.to_categorical(y_train)");
            lines.add("y_test = keras.utils.to_categorical(y_test)");
        }
        if (spec.model().normalize()) {
            lines.add("normalizer = layers.Normalization(axis=-1)");
            lines.add("normalizer.adapt(np.array(X_train))");
            lines.add("");
        }
        lines.add("model = keras.Sequential([");
        // Keras 3 builds a Sequential only from an Input: without one, model.summary() has no shapes to print
        lines.add("    keras.Input(shape=(X_train.shape[1],)),");
        if (spec.model().normalize()) lines.add("    normalizer,");
        for (LayerSpec layer : spec.model().layers()) {
            lines.add("    " + (layer.isDropout() ? KerasRemedyCode.dropout(layer) : dense(layer)) + ",");
        }
        lines.add("])");
        lines.add("model.summary()");
        lines.add("");
        lines.add("model.compile(loss='" + spec.compile().loss() + "',");
        lines.add("              optimizer=" + optimizer(spec.compile().optimizer()) + ",");
        lines.add("              metrics=" + pythonList(spec.compile().metrics()) + ")");
        FitSpec fit = spec.fit();
        boolean validates = fit.validation_split() > 0;
        lines.addAll(KerasRemedyCode.earlyStopping(fit));
        lines.add("history = model.fit(X_train, y_train, epochs=" + fit.epochs() + ", batch_size=" + fit.batch_size()
                + (validates ? ", validation_split=" + number(fit.validation_split()) : "")
                + (fit.shuffle() ? "" : ", shuffle=False") + KerasRemedyCode.callbacksArgument(fit) + ", verbose=0)");
        lines.add("");
        lines.add("def plot_loss(history):");
        lines.add("    plt.plot(history.history['loss'], label='loss')");
        // without validation_split Keras logs no val_loss: plotting it would stop Colab with a KeyError
        if (validates) lines.add("    plt.plot(history.history['val_loss'], label='val_loss')");
        lines.add("    plt.xlabel('Epoch')");
        lines.add("    plt.ylabel('Error')");
        lines.add("    plt.legend()");
        lines.add("    plt.grid(True)");
        lines.add("");
        lines.add("plot_loss(history)");
        lines.addAll(KerasRemedyCode.evaluation(spec));
        lines.addAll(KerasRemedyCode.setWeights(spec));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> loadData(RunSpec spec) {
        String name = spec.dataset().name();
        if (name.equals(Vocabulary.KERAS_DATASET)) {
            return List.of("(X_train, y_train), (X_test, y_test) = keras.datasets." + name + ".load_data()");
        }
        if (Vocabulary.SKLEARN_DATASETS.contains(name)) {
            // the playground splits classes in proportion, as stratify does; a regression has no classes to keep
            boolean regression = Datasets.info(name).orElseThrow().task().equals(DatasetInfo.REGRESSION);
            String stratify = regression ? "" : ", stratify=y";
            return List.of(
                    "from sklearn.datasets import load_" + name,
                    "from sklearn.model_selection import train_test_split",
                    // scaled=False: the playground's diabetes table holds the original values, not scikit-learn's scaled ones
                    "X, y = load_" + name + "(return_X_y=True" + (name.equals("diabetes") ? ", scaled=False" : "") + ")",
                    "# 놀이터와 같은 80/20 분할이지만, 섞는 순서는 놀이터와 다릅니다",
                    "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2" + stratify
                            + ", random_state=0)");
        }
        String what = Datasets.isGenerated(name) ? "놀이터가 만드는 2차원 데이터입니다"
                : name.startsWith(Datasets.UPLOAD_PREFIX) ? "직접 올린 CSV입니다"
                : "강의 폴더의 datasets/" + name + ".csv입니다";
        return List.of(
                "# '" + name + "'은(는) " + what + ". 위젯의 CSV 내려받기로 받은 훈련/테스트 파일을 읽습니다",
                "import pandas as pd",
                "train = pd.read_csv('" + new DatasetFile(spec.dataset(), "train").fileName() + "')",
                "test = pd.read_csv('" + new DatasetFile(spec.dataset(), "test").fileName() + "')",
                "X_train, y_train = train.iloc[:, :-1].to_numpy(), train.iloc[:, -1].to_numpy()",
                "X_test, y_test = test.iloc[:, :-1].to_numpy(), test.iloc[:, -1].to_numpy()");
    }

    /**
     * The Dense layer: an activation by its string, except one whose alpha differs from the string form's, which
     * needs its Keras layer as the activation ({@code layers.LeakyReLU(negative_slope=0.01)}).
     */
    private static String dense(LayerSpec layer) {
        String dense = "layers.Dense(" + layer.units();
        String end = KerasRemedyCode.regularizers(layer) + ")";
        ActivationType type = Vocabulary.activation(layer.activation()).orElseThrow();
        if (type.name().equals(Vocabulary.DENSE.param("activation").defaultValue())) return dense + end;
        Double alpha = layer.alpha();
        if (type.kerasLayer() == null || alpha == null || alpha.equals(type.kerasFunction())) {
            return dense + ", activation='" + type.name() + "'" + end;
        }
        ActivationType.KerasLayer keras = type.kerasLayer();
        return dense + ", activation=layers." + keras.cls() + "(" + keras.arg() + "=" + number(alpha) + ")" + end;
    }

    /** The optimizer with the hyper-parameters that differ from Keras's defaults, as the notes write it. */
    private static String optimizer(OptimizerSpec o) {
        OptimizerType type = o.type();
        List<String> args = new ArrayList<>();
        args.add("learning_rate=" + number(o.learning_rate()));
        for (Param p : type.params().subList(1, type.params().size())) {
            Object v = o.param(p.name());
            if (v.equals(p.defaultValue())) continue;
            args.add(p.name() + "=" + (v instanceof Boolean b ? (b ? "True" : "False") : number(((Number) v).doubleValue())));
        }
        return "keras.optimizers." + type.keras() + "(" + String.join(", ", args) + ")";
    }

    private static String pythonList(List<String> names) {
        List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
        return "[" + String.join(", ", quoted) + "]";
    }

    /** Shortest decimal that reads back as the same double, as Python prints it (0.01, 1e-07). */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return String.valueOf((long) value) + ".0";
        String s = Double.toString(value);
        return s.contains("E") ? s.replace("E", "e").toLowerCase(Locale.ROOT) : s;
    }
}
