package playground.sklearn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of the estimators and preprocessing steps a document may name, by scikit-learn's class names, each
 * with the params its class reads (served by {@code GET /api/options}).
 */
public final class Estimators {
    private static final String C = EstimatorType.CLASSIFICATION, R = EstimatorType.REGRESSION;

    /** The widget's families, in its order, with their Korean labels. */
    public static final Map<String, String> FAMILIES = families("linear", "선형·로지스틱 회귀", "knn", "k-최근접 이웃",
            "tree", "결정 트리", "forest", "랜덤 포레스트", "adaboost", "에이다부스트", "kmeans", "k-평균");

    public static final List<EstimatorType> TYPES = List.of(
            new EstimatorType("LinearRegression", "linear", R, "선형 회귀", LinearRegression.PARAMS, null, null),
            new EstimatorType("Ridge", "linear", R, "릿지 회귀 (L2 규제)", Ridge.PARAMS, null, null),
            new EstimatorType("LogisticRegression", "linear", C, "로지스틱 회귀", LogisticRegression.PARAMS, null, null),
            new EstimatorType("KNeighborsClassifier", "knn", C, "k-최근접 이웃 (분류)", KNeighbors.PARAMS, null, "n_neighbors"),
            new EstimatorType("KNeighborsRegressor", "knn", R, "k-최근접 이웃 (회귀)", KNeighbors.PARAMS, null, "n_neighbors"),
            new EstimatorType("DecisionTreeClassifier", "tree", C, "결정 트리 (분류)", DecisionTree.params(true), "depth", null),
            new EstimatorType("DecisionTreeRegressor", "tree", R, "결정 트리 (회귀)", DecisionTree.params(false), "depth", null),
            new EstimatorType("RandomForestClassifier", "forest", C, "랜덤 포레스트 (분류)", RandomForest.params(true), "tree", null),
            new EstimatorType("RandomForestRegressor", "forest", R, "랜덤 포레스트 (회귀)", RandomForest.params(false), "tree", null),
            new EstimatorType("AdaBoostClassifier", "adaboost", C, "에이다부스트 (분류)", AdaBoost.PARAMS, "round", null),
            new EstimatorType("KMeans", "kmeans", EstimatorType.CLUSTERING, "k-평균 군집", KMeans.PARAMS, "iteration", "n_clusters"));

    /** The preprocessing steps: name, Korean label, params. */
    public record PreprocessorType(String name, String label, List<ParamSpec> params) {
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("label", label);
            m.put("params", params.stream().map(ParamSpec::json).toList());
            return m;
        }
    }

    public static final List<PreprocessorType> PREPROCESSOR_TYPES = List.of(
            new PreprocessorType("StandardScaler", "표준화 (평균 0, 표준편차 1)", StandardScaler.PARAMS),
            new PreprocessorType("MinMaxScaler", "최소-최대 정규화", MinMaxScaler.PARAMS),
            new PreprocessorType("PolynomialFeatures", "다항 특성", PolynomialFeatures.PARAMS));

    public static final List<String> NAMES = TYPES.stream().map(EstimatorType::name).toList();
    public static final List<String> PREPROCESSORS = PREPROCESSOR_TYPES.stream().map(PreprocessorType::name).toList();

    private static Map<String, String> families(String... nameLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameLabel.length; i += 2) m.put(nameLabel[i], nameLabel[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Optional<EstimatorType> type(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

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
