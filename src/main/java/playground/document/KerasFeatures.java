package playground.document;

import java.util.ArrayList;
import java.util.List;
import playground.data.InputFeatures;

/** The Keras code's computation of TensorFlow Playground's input features ({@code dataset.features}), in NumPy. */
final class KerasFeatures {
    private KerasFeatures() {}

    /** Lines that turn X_train and X_test's two columns into the chosen features; none without features. */
    static List<String> lines(List<String> features) {
        if (features == null) return List.of();
        List<String> columns = features.stream().map(InputFeatures::numpy).toList();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("# 입력 특성 (TensorFlow Playground처럼): " + String.join(", ", features));
        lines.add("def input_features(X):");
        lines.add("    x1, x2 = X[:, 0], X[:, 1]");
        lines.add("    return np.stack([" + String.join(", ", columns) + "], axis=1)");
        lines.add("");
        lines.add("X_train, X_test = input_features(X_train), input_features(X_test)");
        return lines;
    }
}
