package playground.sklearn;

import java.util.List;
import java.util.Map;

/** The estimators and preprocessing steps a document may name, by scikit-learn's class names. */
public final class Estimators {
    public static final List<String> NAMES = List.of("LinearRegression", "Ridge", "LogisticRegression",
            "KNeighborsClassifier", "KNeighborsRegressor", "DecisionTreeClassifier", "DecisionTreeRegressor",
            "RandomForestClassifier", "RandomForestRegressor", "AdaBoostClassifier", "KMeans");
    public static final List<String> PREPROCESSORS = List.of("StandardScaler", "MinMaxScaler", "PolynomialFeatures");

    private Estimators() {}

    /**
     * A new, unfitted estimator. {@code seed} stands in for {@code random_state} when the params leave it out.
     *
     * @throws InvalidParamException naming {@code model.estimator} or {@code model.params.<name>}
     */
    public static Estimator create(String name, Map<String, ?> params, long seed) {
        Params p = new Params("model.params", params);
        if (name == null || !NAMES.contains(name)) {
            throw new InvalidParamException("model.estimator", "model.estimator는 " + String.join(", ", NAMES)
                    + " 가운데 하나여야 합니다 (받은 값: " + name + ")");
        }
        return switch (name) {
            case "LinearRegression" -> new LinearRegression(p);
            case "Ridge" -> new Ridge(p);
            case "LogisticRegression" -> new LogisticRegression(p);
            case "KNeighborsClassifier" -> new KNeighbors(true, p);
            case "KNeighborsRegressor" -> new KNeighbors(false, p);
            case "DecisionTreeClassifier" -> new DecisionTree(true, p, seed);
            case "DecisionTreeRegressor" -> new DecisionTree(false, p, seed);
            case "RandomForestClassifier" -> new RandomForest(true, p, seed);
            case "RandomForestRegressor" -> new RandomForest(false, p, seed);
            case "AdaBoostClassifier" -> new AdaBoost(p, seed);
            default -> new KMeans(p, seed);
        };
    }

    /** A preprocessing step; {@code field} is its place in the document, e.g. {@code model.preprocess[0]}. */
    public static Transformer preprocessor(String field, String name, Map<String, ?> params) {
        Params p = new Params(field, params);
        if (name == null || !PREPROCESSORS.contains(name)) {
            throw new InvalidParamException(field + ".name", field + ".name은(는) " + String.join(", ", PREPROCESSORS)
                    + " 가운데 하나여야 합니다 (받은 값: " + name + ")");
        }
        return switch (name) {
            case "StandardScaler" -> new StandardScaler(p);
            case "MinMaxScaler" -> new MinMaxScaler(p);
            default -> new PolynomialFeatures(p);
        };
    }
}
