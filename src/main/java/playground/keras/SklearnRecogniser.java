package playground.keras;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import playground.keras.Expr.Attribute;
import playground.keras.Expr.Call;
import playground.keras.Expr.Constant;
import playground.keras.Expr.Name;
import playground.keras.Expr.Sequence;
import playground.keras.Statement.Assign;
import playground.keras.Statement.ExprStatement;
import playground.sklearn.Estimators;
import playground.vocabulary.Vocabulary;

/**
 * Reads a teacher's scikit-learn cells, never running them, the way the notes write them: a {@code load_*()} data set,
 * {@code pd.DataFrame(data.data, …)} for X and {@code data.target} for y (or {@code PolynomialFeatures(d).fit_transform}
 * of the data), {@code train_test_split(X, y, test_size=…, random_state=…)}, {@code model = Estimator(params)} and
 * {@code model.fit(X_train, y_train)} (or {@code KMeans(...).fit(X)}). The cell that fits gets a run document of
 * issue 15's form, which the sandbox trains as scikit-learn 1.2 would. Anything else is left alone.
 */
public final class SklearnRecogniser {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** The estimators the playground fits, by their scikit-learn class names. */
    private static final Set<String> ESTIMATORS = Set.copyOf(Estimators.NAMES);
    /** The first positional parameter of the classes notes call positionally, as scikit-learn 1.2 names it. */
    private static final Map<String, String> FIRST_PARAM = Map.of("KNeighborsClassifier", "n_neighbors",
            "KNeighborsRegressor", "n_neighbors", "KMeans", "n_clusters", "PolynomialFeatures", "degree",
            "Ridge", "alpha");

    private final Map<String, String> datasets = new HashMap<>();     // variable → data set (a load_* result)
    private final Map<String, Features> features = new HashMap<>();   // variable → the data's features, transformed
    private final Map<String, Map<String, Object>> transformers = new HashMap<>();
    private final Map<String, Model> models = new HashMap<>();
    private final List<ObjectNode> verdicts = new ArrayList<>();
    private Features x;
    private Map<String, Object> split;

    private record Features(String dataset, List<Map<String, Object>> preprocess) {}

    private record Model(String estimator, Map<String, Object> params) {}

    private SklearnRecogniser() {}

    /** One document per block (null where the block fits no model we can run), the blocks read as one program. */
    public static List<ObjectNode> recognise(List<String> blocks) {
        SklearnRecogniser r = new SklearnRecogniser();
        for (int i = 0; i < blocks.size(); i++) {
            r.verdicts.add(null);
            try {
                for (Statement s : PythonParser.parse(PythonLines.of(blocks.get(i)))) r.read(i, s);
            } catch (PythonLines.SyntaxProblem | RuntimeException | StackOverflowError e) {
                // code we cannot follow never breaks a lesson: the rest of this block is not read
            }
        }
        return r.verdicts;
    }

    private void read(int block, Statement s) {
        if (s instanceof Assign a && a.targets().size() == 1) {
            assign(block, a.targets().get(0), a.value());
        } else if (s instanceof ExprStatement e) {
            fit(block, e.expr(), null);
        }
    }

    private void assign(int block, Expr target, Expr value) {
        if (target instanceof Sequence seq && value instanceof Call call && called(call, "train_test_split")) {
            splitCall(seq, call);
            return;
        }
        if (!(target instanceof Name name)) return;
        String id = name.id();
        if (value instanceof Call call) {
            String function = function(call);
            if (loaded(function) != null) {
                datasets.put(id, loaded(function));
            } else if (ESTIMATORS.contains(function)) {
                models.put(id, new Model(function, params(function, call)));
            } else if ("PolynomialFeatures".equals(function)) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("name", "PolynomialFeatures");
                step.putAll(params(function, call));
                transformers.put(id, step);
            } else if ("DataFrame".equals(function) && !call.args().isEmpty()) {
                Features f = featuresOf(call.args().get(0));
                if (f != null) features.put(id, f);
            } else if (called(call, "fit_transform") && call.function() instanceof Attribute at
                    && at.target() instanceof Name t && transformers.containsKey(t.id()) && !call.args().isEmpty()) {
                Features f = featuresOf(call.args().get(0));
                if (f != null) {
                    List<Map<String, Object>> steps = new ArrayList<>(f.preprocess());
                    steps.add(transformers.get(t.id()));
                    features.put(id, new Features(f.dataset(), steps));
                }
            } else {
                fit(block, call, id);
            }
        }
    }

    /**
     * The data set a scikit-learn loader gives: {@code load_NAME} for the registry's scikit-learn sets, and
     * {@code load_boston}, removed in scikit-learn 1.2 but still in the notes, for the Keras Boston set; else null.
     */
    private static String loaded(String function) {
        if (function.equals("load_boston")) return Vocabulary.KERAS_DATASET;
        String set = function.startsWith("load_") ? function.substring(5) : "";
        return Vocabulary.SKLEARN_DATASETS.contains(set) ? set : null;
    }

    /** {@code data.data}, a transformed copy of it, or a DataFrame of either. */
    private Features featuresOf(Expr e) {
        if (e instanceof Attribute a && a.name().equals("data") && a.target() instanceof Name n && datasets.containsKey(n.id())) {
            return new Features(datasets.get(n.id()), List.of());
        }
        if (e instanceof Name n) return features.get(n.id());
        return null;
    }

    private void splitCall(Sequence targets, Call call) {
        if (targets.items().size() != 4 || call.args().isEmpty()) return;
        Features f = call.args().get(0) instanceof Name n ? features.get(n.id()) : null;
        if (f == null) return;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("test_size", constant(call.kwargs().get("test_size"), 0.25));
        Object state = constant(call.kwargs().get("random_state"), null);
        if (state != null) s.put("random_state", state);
        x = f;
        split = s;
    }

    /** {@code model.fit(...)} or {@code Estimator(...).fit(X)}: the cell that trains gets the document. */
    private void fit(int block, Expr e, String assignedTo) {
        if (!(e instanceof Call call) || !called(call, "fit") || !(call.function() instanceof Attribute at)) return;
        Model model = null;
        if (at.target() instanceof Name n) model = models.get(n.id());
        if (at.target() instanceof Call inner && ESTIMATORS.contains(function(inner))) {
            model = new Model(function(inner), params(function(inner), inner));
        }
        if (model == null) return;
        Features data = x;
        Map<String, Object> datasetSplit = split;
        if (model.estimator().equals("KMeans") && !call.args().isEmpty() && call.args().get(0) instanceof Name n
                && features.containsKey(n.id())) {
            data = features.get(n.id());  // KMeans fits the whole set
            datasetSplit = null;
        }
        if (data == null) return;
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        ObjectNode dataset = doc.putObject("dataset");
        dataset.put("name", data.dataset());
        ObjectNode m = doc.putObject("model");
        m.put("estimator", model.estimator());
        m.set("params", JSON.valueToTree(model.params()));
        if (!data.preprocess().isEmpty()) m.set("preprocess", JSON.valueToTree(data.preprocess()));
        if (datasetSplit != null) dataset.set("split", JSON.valueToTree(datasetSplit));
        if (verdicts.get(block) == null) verdicts.set(block, doc);
    }

    private static Map<String, Object> params(String function, Call call) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!call.args().isEmpty() && FIRST_PARAM.containsKey(function)) {
            params.put(FIRST_PARAM.get(function), constant(call.args().get(0), null));
        }
        call.kwargs().forEach((k, v) -> params.put(k, constant(v, null)));
        return params;
    }

    /** A literal number, string, boolean or None; anything else as null (the validator then names it). */
    private static Object constant(Expr e, Object fallback) {
        if (e == null) return fallback;
        if (e instanceof Constant c) {
            Value v = c.value();
            if (v instanceof Value.Num n) return n.integer() ? (Object) (long) n.value() : (Object) n.value();
            if (v instanceof Value.Str s) return s.value();
            if (v instanceof Value.Bool b) return b.value();
        }
        if (e instanceof Expr.Unary u && u.op().equals("-") && constant(u.operand(), null) instanceof Number n) {
            return n instanceof Long l ? (Object) (-l) : (Object) (-n.doubleValue());
        }
        return null;
    }

    private static boolean called(Call call, String name) {
        return name.equals(function(call));
    }

    /** The called name: {@code f} of {@code f(...)}, {@code m.f(...)} or {@code a.b.f(...)}. */
    private static String function(Call call) {
        if (call.function() instanceof Name n) return n.id();
        if (call.function() instanceof Attribute a) return a.name();
        return "";
    }
}
