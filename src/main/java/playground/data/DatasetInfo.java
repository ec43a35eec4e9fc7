package playground.data;

import java.util.List;

/**
 * What a student sees about a data set before training: Korean title and description, feature names, class names
 * (empty for regression), the task ({@code regression}, {@code binary} or {@code multiclass}) and the split sizes
 * (for generated sets, those of the default {@code samples}). Immutable.
 */
public record DatasetInfo(String name, String title, String description, String task, List<String> features,
                          List<String> classes, boolean generated, int train_rows, int test_rows) {
    public static final String REGRESSION = "regression";
    public static final String BINARY = "binary";
    public static final String MULTICLASS = "multiclass";
}
