package playground.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.engine.Metric;
import playground.keras.PythonLines.Kind;
import playground.keras.PythonLines.Line;
import playground.keras.PythonLines.Token;
import playground.keras.Value.Data;
import playground.keras.Value.Data.Role;
import playground.keras.Value.Model;
import playground.keras.Value.Normalizer;
import playground.keras.Value.Problem;
import playground.runs.InvalidConfigException;
import playground.runs.RunSpec;
import playground.vocabulary.ActivationType;
import playground.vocabulary.LossType;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Param;
import playground.vocabulary.Vocabulary;

/**
 * Reads a lesson's Python blocks in order, as one program, following only what builds, compiles and fits a Keras
 * model on one of our data sets. Nothing is executed: each expression is mapped to a {@link Value} that says what
 * it stands for (a data set part, a layer, a model …) or why that cannot be known. Every {@code keras.Sequential}
 * becomes a {@link Model}; its first {@code fit} turns it into a run document. One instance reads one lesson;
 * not thread-safe.
 */
final class KerasReader {
    private static final int MAX_CALL_DEPTH = 8;
    private static final List<String> SKLEARN_SETS = List.of("iris", "breast_cancer", "wine", "digits", "diabetes");
    private static final Map<String, String> DEFAULT_NAMES = Map.of(
            "tf", "tensorflow", "keras", "keras", "layers", "keras.layers", "np", "numpy", "pd", "pandas",
            "preprocessing", "keras.layers");
    private static final String LAYERS_WE_HAVE = "Dense, Normalization (그리고 활성화만 하는 Activation, LeakyReLU, ELU,"
            + " ReLU, Softmax)";

    final List<Model> models = new ArrayList<>();
    private final Map<String, Value> globals = new HashMap<>();
    private final Deque<Map<String, Value>> locals = new ArrayDeque<>();
    private Long seed;
    /** samples and noise of a generated set, when its CSV file name gives them ({@code spiral_samples400_noise0.2_train.csv}). */
    private final Map<String, double[]> generated = new HashMap<>();
    private int block;

    /** Reads block {@code index} (blocks must come in order). */
    void read(int index, String source) {
        block = index;
        List<Statement> statements;
        try {
            statements = PythonParser.parse(PythonLines.of(source));
        } catch (PythonLines.SyntaxProblem e) {
            return;  // not Python we can read: no button, no note
        }
        for (Statement s : statements) execute(s);
    }

    /* ---------------- statements ---------------- */

    /** Runs one statement; returns the value of a {@code return}, else null. */
    private Value execute(Statement statement) {
        if (statement instanceof Statement.ExprStatement s) {
            eval(s.expr());
        } else if (statement instanceof Statement.Assign s) {
            Value v = eval(s.value());
            for (Expr target : s.targets()) bind(target, v);
        } else if (statement instanceof Statement.Import s) {
            for (String[] name : s.names()) scope().put(name[0], new Value.Ref(canonical(name[1])));
        } else if (statement instanceof Statement.FromImport s) {
            if (!s.module().startsWith(".")) {
                for (String[] name : s.names()) {
                    if (!name[0].equals("*")) scope().put(name[0], new Value.Ref(canonical(s.module() + "." + name[1])));
                }
            }
        } else if (statement instanceof Statement.Def s) {
            scope().put(s.name(), new Value.Function(s, block));
        } else if (statement instanceof Statement.Return s) {
            return eval(s.value());
        } else if (statement instanceof Statement.Other s) {
            taint(s);
        }
        return null;
    }

    private Map<String, Value> scope() {
        return locals.isEmpty() ? globals : locals.peek();
    }

    private void bind(Expr target, Value v) {
        if (target instanceof Expr.Name n) {
            scope().put(n.id(), v);
        } else if (target instanceof Expr.Sequence seq) {
            List<Expr> items = seq.items();
            boolean fits = v instanceof Value.Seq s && s.items().size() == items.size();
            for (int i = 0; i < items.size(); i++) {
                bind(items.get(i), fits ? ((Value.Seq) v).items().get(i)
                        : v instanceof Value.Unknown u ? u : new Value.Unknown(null));
            }
        }
        // model.trainable = …, x[0] = …: attributes and items are not followed
    }

    /**
     * A statement we do not follow (a loop, a condition …) may change any name it assigns, and may add to, compile
     * or fit a model: those names become unknown, those models unrunnable, with the reason.
     */
    private void taint(Statement.Other s) {
        String where = switch (s.what()) {
            case "for", "while" -> "반복문(" + s.what() + ") 안";
            case "if", "elif", "else", "match", "case" -> "조건문(if) 안";
            case "with" -> "with 문 안";
            case "try", "except", "finally" -> "try 문 안";
            case "augmented" -> "+= 같은 누적 대입";
            case "def" -> "따라갈 수 없는 함수 정의";
            case "class" -> "클래스 정의 안";
            default -> "읽을 수 없는 줄";
        };
        for (Line line : s.lines()) {
            List<Token> t = line.tokens();
            for (int i = 0; i < t.size(); i++) {
                Token token = t.get(i);
                if (token.kind() != Kind.NAME || (i > 0 && t.get(i - 1).is("."))) continue;
                String name = token.text();
                boolean assigned = i + 1 < t.size() && isAssignmentAfter(t, i + 1)
                        || i > 0 && (t.get(i - 1).is("for") || t.get(i - 1).is("as") || t.get(i - 1).is("def"));
                Value current = lookup(name);
                if (i + 3 < t.size() && t.get(i + 1).is(".") && t.get(i + 3).is("(")) {
                    String method = t.get(i + 2).text();
                    Problem p = problem(token.line(), where + "의 " + name + "." + method + "(...)는 따라갈 수 없습니다."
                            + " 모델 만들기, compile, fit은 들여쓰기 없이 한 번씩 써 주세요");
                    if (current instanceof Model m && Set.of("add", "compile", "fit", "pop").contains(method)) {
                        m.refuse(p);
                    } else if (current instanceof Normalizer norm && method.equals("adapt") && norm.problem == null) {
                        norm.problem = p;
                    }
                }
                if (assigned) {
                    scope().put(name, new Value.Unknown(problem(token.line(), name + "의 값이 " + where
                            + "에서 정해져 코드만 읽어서는 알 수 없습니다")));
                }
            }
        }
    }

    /** Whether the tokens from {@code i} continue a target list up to an assignment ({@code a, b = …}, {@code a += …}). */
    private static boolean isAssignmentAfter(List<Token> t, int i) {
        Token next = t.get(i);
        if (next.kind() == Kind.OP && (next.text().equals("=") || next.text().endsWith("=")
                && !Set.of("==", "<=", ">=", "!=").contains(next.text()))) {
            return true;
        }
        if (next.is(",") || next.is(")")) {
            for (int j = i; j < t.size(); j++) {
                Token u = t.get(j);
                if (u.is("=")) return true;
                if (!(u.kind() == Kind.NAME || u.is(",") || u.is("(") || u.is(")"))) return false;
            }
        }
        return false;
    }

    /* ---------------- expressions ---------------- */

    private Value lookup(String name) {
        if (!locals.isEmpty() && locals.peek().containsKey(name)) return locals.peek().get(name);
        if (globals.containsKey(name)) return globals.get(name);
        if (DEFAULT_NAMES.containsKey(name)) return new Value.Ref(DEFAULT_NAMES.get(name));
        return null;
    }

    private Problem problem(int line, String reason) {
        return new Problem(block, line, reason);
    }

    private Value eval(Expr e) {
        if (e instanceof Expr.Constant c) return c.value();
        if (e instanceof Expr.Name n) {
            Value v = lookup(n.id());
            return v != null ? v : new Value.Unknown(problem(n.line(), n.id() + "이(가) 이 강의의 코드 어디에서도"
                    + " 정해지지 않았습니다"));
        }
        if (e instanceof Expr.Attribute a) return attribute(eval(a.target()), a.name(), a.line());
        if (e instanceof Expr.Call c) return call(c);
        if (e instanceof Expr.Subscript s) return subscript(eval(s.target()), s.index(), s.line());
        if (e instanceof Expr.Sequence s) {
            List<Value> items = new ArrayList<>();
            for (Expr item : s.items()) items.add(eval(item));
            return new Value.Seq(items, s.list());
        }
        if (e instanceof Expr.Unary u) {
            Value v = eval(u.operand());
            if (v instanceof Value.Num num && u.op().equals("-")) return new Value.Num(-num.value(), num.integer());
            if (v instanceof Value.Num && u.op().equals("+")) return v;
            return unknownFrom(v, u.line());
        }
        if (e instanceof Expr.Binary b) {
            Value l = eval(b.left());
            Value r = eval(b.right());
            if (l instanceof Value.Num x && r instanceof Value.Num y) {
                boolean ints = x.integer() && y.integer();
                switch (b.op()) {
                    case "+": return new Value.Num(x.value() + y.value(), ints);
                    case "-": return new Value.Num(x.value() - y.value(), ints);
                    case "*": return new Value.Num(x.value() * y.value(), ints);
                    case "/": return new Value.Num(x.value() / y.value(), false);
                    case "//": return new Value.Num(Math.floor(x.value() / y.value()), ints);
                    case "**": return new Value.Num(Math.pow(x.value(), y.value()), ints && y.value() >= 0);
                    default: break;
                }
            }
            return new Value.Unknown(problem(b.line(), "계산식(" + b.op() + ")의 값은 실행해야 알 수 있습니다"));
        }
        if (e instanceof Expr.Slice s) return new Value.Unknown(null);
        Expr.Opaque o = (Expr.Opaque) e;
        return new Value.Unknown(problem(o.line(), o.what() + "은(는) 따라갈 수 없습니다"));
    }

    private Value unknownFrom(Value v, int line) {
        return v instanceof Value.Unknown u && u.problem() != null ? u
                : new Value.Unknown(problem(line, "값을 코드만 읽어서는 알 수 없습니다"));
    }

    private Value attribute(Value target, String name, int line) {
        if (target instanceof Value.Ref r) return new Value.Ref(canonical(r.path() + "." + name));
        if (target instanceof Model || target instanceof Normalizer || target instanceof Value.Scaler) {
            return new Value.Method(target, name);
        }
        if (target instanceof Data d) {
            if (name.equals("shape")) return new Value.Shape(d);
            if (name.equals("values")) return d;
            if (d.role() == Role.BUNCH && name.equals("data")) return d.with(Role.X);
            if (d.role() == Role.BUNCH && name.equals("target")) return d.with(Role.Y);
            return new Value.Method(d, name);
        }
        if (target instanceof Value.Unknown u) return u;
        return new Value.Unknown(null);
    }

    private Value subscript(Value target, List<Expr> index, int line) {
        if (target instanceof Value.Seq s && index.size() == 1 && eval(index.get(0)) instanceof Value.Num n
                && n.integer()) {
            int i = (int) n.value();
            if (i < 0) i += s.items().size();
            if (i >= 0 && i < s.items().size()) return s.items().get(i);
        }
        if (target instanceof Value.Shape shape && index.size() == 1 && eval(index.get(0)) instanceof Value.Num n
                && (n.value() == 1 || n.value() == -1)
                && Set.of(Role.X, Role.X_TRAIN, Role.X_TEST).contains(shape.data().role())) {
            return new Value.Features(shape.data().dataset());
        }
        if (target instanceof Data d && d.role() == Role.BUNCH && index.size() == 1
                && eval(index.get(0)) instanceof Value.Str key) {
            if (key.value().equals("data")) return d.with(Role.X);
            if (key.value().equals("target")) return d.with(Role.Y);
        }
        if (target instanceof Value.Method m && m.name().equals("iloc") && m.self() instanceof Data d
                && (d.role() == Role.TRAIN_FRAME || d.role() == Role.TEST_FRAME) && index.size() == 2
                && index.get(0) instanceof Expr.Slice all && all.lower() == null && all.upper() == null) {
            boolean train = d.role() == Role.TRAIN_FRAME;
            Expr column = index.get(1);
            if (column instanceof Expr.Slice features && features.lower() == null && features.step() == null
                    && features.upper() != null && eval(features.upper()) instanceof Value.Num n && n.value() == -1) {
                return d.with(train ? Role.X_TRAIN : Role.X_TEST);
            }
            if (!(column instanceof Expr.Slice) && eval(column) instanceof Value.Num n && n.value() == -1) {
                return d.with(train ? Role.Y_TRAIN : Role.Y_TEST);
            }
        }
        if (target instanceof Value.Unknown u) return u;
        return new Value.Unknown(null);
    }

    /** Evaluated arguments of one call, with the lines they are written on. */
    private final class Args {
        final List<Value> positional = new ArrayList<>();
        final List<Integer> positionalLines = new ArrayList<>();
        final Map<String, Value> keywords = new LinkedHashMap<>();
        final Map<String, Integer> keywordLines = new HashMap<>();
        final int line;

        Args(Expr.Call call) {
            line = call.line();
            for (Expr a : call.args()) {
                positional.add(eval(a));
                positionalLines.add(a.line());
            }
            call.kwargs().forEach((k, v) -> {
                keywords.put(k, eval(v));
                keywordLines.put(k, v.line());
            });
        }

        /** The argument at {@code position} or named {@code name}; null when absent. */
        Value get(int position, String name) {
            if (keywords.containsKey(name)) return keywords.get(name);
            return position >= 0 && position < positional.size() ? positional.get(position) : null;
        }

        int lineOf(int position, String name) {
            if (keywordLines.containsKey(name)) return keywordLines.get(name);
            return position >= 0 && position < positionalLines.size() ? positionalLines.get(position) : line;
        }

        /** The first keyword not in {@code allowed}, or null. */
        String unexpected(Set<String> allowed) {
            for (String k : keywords.keySet()) if (!allowed.contains(k)) return k;
            return null;
        }
    }

    /** Signals that a Keras construct is outside the subset; caught where the construct's value is formed. */
    private static final class Refused extends RuntimeException {
        final Problem problem;

        Refused(Problem problem) {
            super(problem.reason(), null, false, false);
            this.problem = problem;
        }
    }

    private Refused refused(int line, String reason) {
        return new Refused(problem(line, reason));
    }

    private Value call(Expr.Call c) {
        Value function = eval(c.function());
        Args a = new Args(c);
        try {
            if (function instanceof Value.Function f) return invoke(f, a);
            if (function instanceof Value.Method m) return method(m, a);
            if (function instanceof Value.Ref r) return refCall(r.path(), a);
        } catch (Refused e) {
            return new Value.Unknown(e.problem);
        }
        return new Value.Unknown(problem(c.line(), "함수를 실행해야 알 수 있는 값입니다"));
    }

    private Value invoke(Value.Function f, Args a) {
        Statement.Def def = f.def();
        if (locals.size() >= MAX_CALL_DEPTH) {
            return new Value.Unknown(problem(a.line, def.name() + "(...) 호출이 너무 깊습니다"));
        }
        Map<String, Value> frame = new HashMap<>();
        int savedBlock = block;
        try {
            for (int i = 0; i < def.params().size(); i++) {
                String p = def.params().get(i);
                Value v = a.get(i, p);
                if (v == null && def.defaults().get(i) != null) {
                    block = f.block();
                    v = eval(def.defaults().get(i));
                    block = savedBlock;
                }
                frame.put(p, v == null ? new Value.Unknown(problem(a.line, p + " 인자가 빠졌습니다")) : v);
            }
            block = f.block();
            locals.push(frame);
            List<Statement> body = PythonParser.parse(def.body());
            for (Statement s : body) {
                Value returned = execute(s);
                if (returned != null) return returned;
            }
            return new Value.NoneValue();
        } finally {
            if (!locals.isEmpty() && locals.peek() == frame) locals.pop();
            block = savedBlock;
        }
    }

    /* ---------------- methods ---------------- */

    private Value method(Value.Method m, Args a) {
        if (m.self() instanceof Model model) {
            switch (m.name()) {
                case "add" -> {
                    Value layer = a.get(0, "layer");
                    addLayer(model, layer == null ? new Value.NoneValue() : layer, a.lineOf(0, "layer"));
                    return new Value.NoneValue();
                }
                case "compile" -> {
                    compile(model, a);
                    return new Value.NoneValue();
                }
                case "fit" -> {
                    fit(model, a);
                    return new Value.Unknown(null);
                }
                case "pop" -> {
                    model.refuse(problem(a.line, "model.pop()으로 층을 빼는 것은 따라갈 수 없습니다"));
                    return new Value.Unknown(null);
                }
                default -> {
                    return new Value.Unknown(null);  // summary, evaluate, predict …: nothing to follow
                }
            }
        }
        if (m.self() instanceof Normalizer norm) {
            if (m.name().equals("adapt")) {
                Value data = a.get(0, "data");
                if (data instanceof Data d) {
                    if (norm.adaptedOn == null) norm.adaptedOn = d;
                } else if (norm.problem == null) {
                    norm.problem = data instanceof Value.Unknown u && u.problem() != null
                            ? withPrefix(u.problem(), "adapt에 넣은 데이터: ")
                            : problem(a.line, "adapt에 넣은 데이터가 어느 데이터셋인지 알 수 없습니다");
                }
                return new Value.NoneValue();
            }
            return new Value.Unknown(null);
        }
        if (m.self() instanceof Value.Scaler scaler) {
            Value x = a.get(0, "X");
            if (!(x instanceof Data d)) return new Value.Unknown(null);
            switch (m.name()) {
                case "fit" -> {
                    scaler.fittedOn = d;
                    return scaler;
                }
                case "fit_transform" -> {
                    scaler.fittedOn = d;
                    return new Data(d.dataset(), d.role(), d.oneHot(), scaler);
                }
                case "transform" -> {
                    return new Data(d.dataset(), d.role(), d.oneHot(), scaler);
                }
                default -> {
                    return new Value.Unknown(null);
                }
            }
        }
        if (m.self() instanceof Data d) {
            if (Set.of("to_numpy", "astype", "copy", "reshape", "ravel", "flatten", "squeeze").contains(m.name())) {
                return d;
            }
        }
        return new Value.Unknown(null);
    }

    private static Problem withPrefix(Problem p, String prefix) {
        return new Problem(p.block(), p.line(), prefix + p.reason());
    }

    private void addLayer(Model model, Value layer, int line) {
        if (layer instanceof Normalizer || layer instanceof Value.DenseLayer || layer instanceof Value.InputLayer
                || layer instanceof Value.ActivationLayer) {
            model.layers.add(layer);
        } else if (layer instanceof Value.Activation act) {
            model.layers.add(new Value.ActivationLayer(act, line));
        } else if (layer instanceof Value.Unknown u && u.problem() != null) {
            model.refuse(u.problem());
        } else {
            model.refuse(problem(line, "모델에 넣은 이 값이 어떤 층인지 알 수 없습니다. 쓸 수 있는 층: " + LAYERS_WE_HAVE));
        }
    }

    /* ---------------- keras, numpy, scikit-learn calls ---------------- */

    private Value refCall(String path, Args a) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (path.equals("keras.Sequential")) return sequential(a);
        if (Set.of("keras.Model", "keras.models.load_model", "keras.models.clone_model",
                "keras.models.model_from_json").contains(path)) {
            Model model = new Model(problem(a.line, path));
            model.refuse(problem(a.line, "keras." + last + "(...)로 만든 모델은 따라갈 수 없습니다. keras.Sequential([...])로"
                    + " 층을 차례로 쌓은 모델만 실행할 수 있습니다"));
            models.add(model);
            return model;
        }
        if (path.startsWith("keras.layers.")) return layer(last, a);
        if (path.equals("keras.Input")) return input(a);
        if (path.startsWith("keras.optimizers.")) return optimizer(last, a);
        if (path.startsWith("keras.losses.") && Character.isUpperCase(last.charAt(0))) return lossObject(last, a);
        if (path.startsWith("keras.metrics.") && Character.isUpperCase(last.charAt(0))) return metricObject(last, a);
        if (path.startsWith("keras.datasets.") && last.equals("load_data")) return kerasDataset(path, a);
        if (path.startsWith("sklearn.datasets.")) return sklearnDataset(last, a);
        if (path.equals("sklearn.model_selection.train_test_split")) return trainTestSplit(a);
        if (path.equals("keras.utils.to_categorical")) {
            Value y = a.get(0, "y");
            if (y instanceof Data d && Set.of(Role.Y, Role.Y_TRAIN, Role.Y_TEST).contains(d.role())) {
                return new Data(d.dataset(), d.role(), true, d.scaledBy());
            }
            return unknownFrom(y == null ? new Value.NoneValue() : y, a.line);
        }
        if (path.equals("keras.utils.set_random_seed") || path.equals("tensorflow.random.set_seed")) {
            Value s = a.get(0, path.endsWith("set_seed") ? "seed" : "seed");
            if (s instanceof Value.Num n && n.integer() && n.value() >= 0) seed = (long) n.value();
            return new Value.NoneValue();
        }
        if (Set.of("numpy.array", "numpy.asarray", "numpy.asanyarray").contains(path)) {
            Value v = a.get(0, "object");
            return v instanceof Data ? v : new Value.Unknown(null);
        }
        if (path.equals("pandas.read_csv")) return readCsv(a);
        if (path.equals("sklearn.preprocessing.StandardScaler")) {
            for (String key : a.keywords.keySet()) {
                if (!(a.keywords.get(key) instanceof Value.Bool b && b.value()) || !Set.of("with_mean", "with_std").contains(key)) {
                    throw refused(a.keywordLines.get(key), "StandardScaler의 " + key + "는 따라갈 수 없습니다");
                }
            }
            return new Value.Scaler();
        }
        return new Value.Unknown(null);
    }

    private Value sequential(Args a) {
        Model model = new Model(problem(a.line, "keras.Sequential"));
        models.add(model);
        Value layers = a.get(0, "layers");
        String unexpected = a.unexpected(Set.of("layers", "name", "trainable"));
        if (unexpected != null) {
            model.refuse(problem(a.keywordLines.get(unexpected), "keras.Sequential의 " + unexpected
                    + " 인자는 따라갈 수 없습니다"));
        }
        if (layers instanceof Value.Seq list) {
            List<Integer> lines = itemLines(a, list);
            for (int i = 0; i < list.items().size(); i++) addLayer(model, list.items().get(i), lines.get(i));
        } else if (layers != null && !(layers instanceof Value.NoneValue)) {
            model.refuse(layers instanceof Value.Unknown u && u.problem() != null ? u.problem()
                    : problem(a.lineOf(0, "layers"), "keras.Sequential에는 층의 리스트 [...]를 넣어야 합니다"));
        }
        return model;
    }

    /** Lines of a list literal's items when the call wrote the list literally, else the call's line. */
    private List<Integer> itemLines(Args a, Value.Seq list) {
        List<Integer> lines = new ArrayList<>();
        for (Value item : list.items()) {
            lines.add(item instanceof Value.DenseLayer d ? d.line() : item instanceof Value.InputLayer in ? in.line()
                    : item instanceof Normalizer n ? n.origin.line() : a.lineOf(0, "layers"));
        }
        return lines;
    }

    private Value layer(String name, Args a) {
        switch (name) {
            case "Dense":
                return dense(a);
            case "Normalization":
                return normalization(a);
            case "Input":
            case "InputLayer":
                return input(a);
            case "Activation": {
                Value act = a.get(0, "activation");
                return new Value.ActivationLayer(activation(act == null ? new Value.NoneValue() : act,
                        a.lineOf(0, "activation"), "Activation"), a.line);
            }
            case "ReLU":
                if (!a.positional.isEmpty() || !a.keywords.isEmpty()) {
                    throw refused(a.line, "layers.ReLU의 인자(max_value 등)는 따라갈 수 없습니다");
                }
                return new Value.Activation("relu", null);
            case "Softmax":
                return new Value.Activation("softmax", null);
            default:
                ActivationType act = Vocabulary.activationLayer(name).orElse(null);
                if (act != null) return activationLayer(act.name(), act.kerasLayer(), a);
                throw refused(a.line, "layers." + name + " 층은 놀이터에 없습니다. 쓸 수 있는 층: " + LAYERS_WE_HAVE);
        }
    }

    /** {@code LeakyReLU(negative_slope=…)}, {@code ELU(alpha=…)}: the activation, at the layer's default when omitted. */
    private Value activationLayer(String activation, ActivationType.KerasLayer layer, Args a) {
        // Keras 2 called LeakyReLU's negative_slope alpha
        Value v = a.get(0, a.keywords.containsKey("alpha") ? "alpha" : layer.arg());
        return new Value.Activation(activation, v == null ? layer.defaultValue()
                : number(v, layer.arg(), a.lineOf(0, layer.arg())));
    }

    private Value dense(Args a) {
        String unexpected = a.unexpected(Set.of("units", "activation", "input_shape", "input_dim", "name", "use_bias"));
        if (unexpected != null) {
            throw refused(a.keywordLines.get(unexpected), "Dense의 " + unexpected + "는 따라갈 수 없습니다 (놀이터는"
                    + " Keras의 기본값을 씁니다)");
        }
        if (a.positional.size() > 2) {
            throw refused(a.line, "Dense의 세 번째 인자부터는 따라갈 수 없습니다");
        }
        Value units = a.get(0, "units");
        if (units == null) throw refused(a.line, "Dense에 units(뉴런 수)가 없습니다");
        int n = integer(units, "units", a.lineOf(0, "units"));
        Value act = a.get(1, "activation");
        Value.Activation activation = activation(act == null ? new Value.NoneValue() : act,
                a.lineOf(1, "activation"), "activation");
        Value useBias = a.keywords.get("use_bias");
        if (useBias != null && !(useBias instanceof Value.Bool b && b.value())) {
            throw refused(a.keywordLines.get("use_bias"), "use_bias=False는 따라갈 수 없습니다 (놀이터의 Dense는 늘"
                    + " 편향을 씁니다)");
        }
        Value shape = a.keywords.get("input_shape");
        if (a.keywords.containsKey("input_dim")) shape = new Value.Seq(List.of(a.keywords.get("input_dim")), false);
        return new Value.DenseLayer(n, activation, shape, a.line);
    }

    private Value normalization(Args a) {
        String unexpected = a.unexpected(Set.of("axis", "input_shape", "input_dim", "name"));
        if (unexpected != null) {
            throw refused(a.keywordLines.get(unexpected), "Normalization의 " + unexpected + "는 따라갈 수 없습니다."
                    + " 평균과 분산은 adapt로 훈련 데이터에서 구해야 합니다");
        }
        Value axis = a.get(0, "axis");
        if (axis != null && !(axis instanceof Value.Num n && n.value() == -1)) {
            throw refused(a.lineOf(0, "axis"), "Normalization의 axis는 -1(특성마다 따로 정규화)이어야 합니다."
                    + " 놀이터의 정규화는 특성마다 평균과 분산을 구합니다");
        }
        return new Normalizer(problem(a.line, "Normalization"));
    }

    private Value input(Args a) {
        Value shape = a.get(0, a.keywords.containsKey("input_shape") ? "input_shape" : "shape");
        if (shape == null) throw refused(a.line, "Input에 shape이 없습니다");
        return new Value.InputLayer(shape, a.line);
    }

    /** An activation argument: None, a name, {@code keras.activations.relu}, or a LeakyReLU / ELU object. */
    private Value.Activation activation(Value v, int line, String what) {
        if (v instanceof Value.NoneValue) return new Value.Activation("linear", null);
        if (v instanceof Value.Activation act) return act;
        String name = null;
        if (v instanceof Value.Str s) name = s.value();
        if (v instanceof Value.Ref r && r.path().startsWith("keras.activations.")) {
            name = r.path().substring("keras.activations.".length());
        }
        if (name == null) {
            if (v instanceof Value.Function f) {
                throw refused(line, "직접 만든 활성화 함수 " + f.def().name() + "은(는) 따라갈 수 없습니다");
            }
            if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
            throw refused(line, what + "의 값을 알 수 없습니다");
        }
        String key = name.toLowerCase(Locale.ROOT);
        ActivationType ours = Vocabulary.activation(key).orElse(null);
        if (ours == null) {
            throw refused(line, "activation='" + name + "'는 놀이터에 없습니다. 쓸 수 있는 것: "
                    + String.join(", ", Vocabulary.activationNames()));
        }
        return new Value.Activation(key, ours.kerasFunction());
    }

    /**
     * {@code keras.optimizers.Cls(...)}: its arguments by Keras's signature ({@link OptimizerType#kerasArgs}); the ones
     * the engine does not vary only at Keras's defaults.
     */
    private Value optimizer(String cls, Args a) {
        OptimizerType type = Vocabulary.optimizerClass(cls).orElseThrow(() -> refused(a.line, "optimizers." + cls
                + "는 놀이터에 없습니다. 쓸 수 있는 것: " + String.join(", ",
                Vocabulary.OPTIMIZERS.stream().map(OptimizerType::keras).toList())));
        List<String> params = type.kerasArgs();
        Map<String, Double> numbers = Value.numbers();
        Map<String, Boolean> switches = Value.switches();
        for (String key : a.keywords.keySet()) {
            if (!params.contains(key) && !key.equals("lr") && !key.equals("name")) {
                throw refused(a.keywordLines.get(key), cls + "의 " + key + "는 따라갈 수 없습니다");
            }
        }
        if (a.positional.size() > params.size()) throw refused(a.line, cls + "의 인자가 너무 많습니다");
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            Value v = a.get(i, p);
            if (p.equals("learning_rate") && v == null) v = a.keywords.get("lr");
            if (v == null) continue;
            int line = a.lineOf(i, p);
            Param ours = type.param(p);
            if (ours == null) {
                Object keras = type.kerasFixed().get(p);
                Object given = keras instanceof Boolean ? (Object) bool(v, p, line) : (Object) number(v, p, line);
                if (!given.equals(keras)) {
                    throw refused(line, cls + "의 " + p + "는 Keras 기본값 " + python(keras) + "만 쓸 수 있습니다");
                }
            } else if (ours.kind() == Param.Kind.BOOLEAN) {
                switches.put(p, bool(v, p, line));
            } else {
                numbers.put(p, number(v, p, line));
            }
        }
        return new Value.Optimizer(type.name(), numbers, switches);
    }

    /** A value as Python writes it: {@code False}, {@code 0.1}. */
    private static String python(Object value) {
        return value instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(value);
    }

    private Value lossObject(String cls, Args a) {
        String name = Vocabulary.lossClass(cls).map(LossType::name).orElseThrow(() -> refused(a.line, "losses." + cls
                + "는 놀이터에 없습니다. 쓸 수 있는 것: " + String.join(", ",
                Vocabulary.LOSSES.stream().map(LossType::keras).sorted().toList())));
        Value logits = a.keywords.get("from_logits");
        if (logits != null && !(logits instanceof Value.Bool b && !b.value())) {
            throw refused(a.keywordLines.get("from_logits"), "from_logits=True는 따라갈 수 없습니다. 놀이터의 마지막 층은"
                    + " sigmoid나 softmax로 확률을 냅니다");
        }
        String unexpected = a.unexpected(Set.of("from_logits", "name", "reduction"));
        if (unexpected != null || !a.positional.isEmpty()) {
            throw refused(a.line, "losses." + cls + "의 인자는 따라갈 수 없습니다");
        }
        return new Value.Loss(name);
    }

    /**
     * {@code keras.metrics.SomeMetric(...)}: logged under the class's default name, the measure's snake_case name
     * ({@code BinaryAccuracy()} logs {@code binary_accuracy}), as Keras names a metric object.
     */
    private Value metricObject(String cls, Args a) {
        // Accuracy() counts exact matches, and MAE or MSE are string aliases, not classes
        boolean aClassWeFollow = !cls.equals("Accuracy") && !cls.equals(cls.toUpperCase(Locale.ROOT));
        Metric.Measure measure = aClassWeFollow ? Metric.known(cls) : null;
        if (measure == null) {
            throw refused(a.line, "metrics." + cls + "는 놀이터에 없습니다. 쓸 수 있는 지표: " + METRICS_WE_HAVE);
        }
        Value threshold = a.keywords.get("threshold");
        if (threshold != null && !(threshold instanceof Value.Num n && n.value() == 0.5)) {
            throw refused(a.keywordLines.get("threshold"), "threshold는 0.5(Keras 기본값)만 쓸 수 있습니다");
        }
        String unexpected = a.unexpected(Set.of("name", "threshold", "dtype"));
        if (unexpected != null || !a.positional.isEmpty()) throw refused(a.line, "metrics." + cls + "의 인자는 따라갈 수 없습니다");
        Value name = a.keywords.get("name");
        if (name != null && !(name instanceof Value.Str str && str.value().equals(measure.kerasName()))) {
            throw refused(a.keywordLines.get("name"), "지표의 name은 따라갈 수 없습니다. 놀이터는 지표를 Keras의 이름("
                    + measure.kerasName() + ")으로 기록합니다");
        }
        return new Value.Metric(measure.kerasName());
    }

    private static final String LOSSES_WE_HAVE = String.join(", ", Vocabulary.lossNames());
    private static final String METRICS_WE_HAVE = String.join(", ", Metric.commonNames());

    /* ---------------- data sets ---------------- */

    private Value kerasDataset(String path, Args a) {
        String set = path.substring("keras.datasets.".length(), path.length() - ".load_data".length());
        if (!set.equals("boston_housing")) {
            throw refused(a.line, "keras.datasets." + set + "는 놀이터에 없는 데이터셋입니다. 쓸 수 있는 것: "
                    + "keras.datasets.boston_housing, scikit-learn의 load_iris, load_breast_cancer, load_wine,"
                    + " load_digits, load_diabetes");
        }
        Value split = a.keywords.get("test_split");
        if (split != null && !(split instanceof Value.Num n && n.value() == 0.2)) {
            throw refused(a.keywordLines.get("test_split"), "test_split은 0.2(Keras 기본값)여야 합니다. 놀이터는"
                    + " Keras와 같은 훈련 404행 / 테스트 102행 나눔을 씁니다");
        }
        Value s = a.keywords.get("seed");
        if (s != null && !(s instanceof Value.Num n && n.value() == 113)) {
            throw refused(a.keywordLines.get("seed"), "load_data의 seed는 113(Keras 기본값)이어야 합니다. 놀이터는"
                    + " Keras와 같은 나눔을 씁니다");
        }
        Data d = new Data("boston_housing", Role.X_TRAIN, false);
        return new Value.Seq(List.of(new Value.Seq(List.of(d, d.with(Role.Y_TRAIN)), false),
                new Value.Seq(List.of(d.with(Role.X_TEST), d.with(Role.Y_TEST)), false)), false);
    }

    private Value sklearnDataset(String function, Args a) {
        String set = function.startsWith("load_") ? function.substring(5) : function;
        if (!SKLEARN_SETS.contains(set)) {
            if (function.startsWith("load_") || function.startsWith("fetch_") || function.startsWith("make_")) {
                throw refused(a.line, function + "(...)는 놀이터에 없는 데이터셋입니다. 쓸 수 있는 것: load_iris,"
                        + " load_breast_cancer, load_wine, load_digits, load_diabetes, keras.datasets.boston_housing");
            }
            return new Value.Unknown(null);
        }
        Value n = a.keywords.get("n_class");
        if (n != null && !(n instanceof Value.Num num && num.value() == 10)) {
            throw refused(a.keywordLines.get("n_class"), "n_class는 10이어야 합니다 (놀이터의 digits는 숫자 0–9 전부)");
        }
        Data d = new Data(set, Role.BUNCH, false);
        Value xy = a.keywords.get("return_X_y");
        if (xy instanceof Value.Bool b && b.value()) return new Value.Seq(List.of(d.with(Role.X), d.with(Role.Y)), false);
        return d;
    }

    private Value trainTestSplit(Args a) {
        if (a.positional.size() != 2 || !(a.positional.get(0) instanceof Data x) || !(a.positional.get(1) instanceof Data y)) {
            Value first = a.positional.isEmpty() ? null : a.positional.get(0);
            if (first instanceof Value.Unknown u && u.problem() != null) throw new Refused(u.problem());
            throw refused(a.line, "train_test_split(X, y, ...)에 넣은 데이터를 알 수 없습니다");
        }
        if (x.role() != Role.X || y.role() != Role.Y || !x.dataset().equals(y.dataset())) {
            throw refused(a.line, "train_test_split에는 한 데이터셋의 X와 y 전체를 넣어야 합니다");
        }
        Value test = a.keywords.get("test_size");
        Value train = a.keywords.get("train_size");
        boolean eighty = test instanceof Value.Num t && t.value() == 0.2
                || test == null && train instanceof Value.Num r && r.value() == 0.8;
        if (!eighty) {
            throw refused(a.line, "test_size=0.2로 나눠야 합니다. 놀이터는 훈련 80% / 테스트 20%로 나눕니다"
                    + (test == null && train == null ? " (scikit-learn의 기본값은 0.25입니다)" : ""));
        }
        return new Value.Seq(List.of(x.with(Role.X_TRAIN), x.with(Role.X_TEST), y.with(Role.Y_TRAIN),
                y.with(Role.Y_TEST)), false);
    }

    /** {@code pd.read_csv('spiral_train.csv')}: a generated 2-D set, saved from the playground. */
    private Value readCsv(Args a) {
        if (a.get(0, "filepath_or_buffer") instanceof Value.Str file) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "(?:.*/)?([a-z_]+?)(?:_samples(\\d{1,6})_noise([0-9.e-]{1,20}))?_(train|test)\\.csv").matcher(file.value());
            if (m.matches() && Datasets.isGenerated(m.group(1))) {
                if (m.group(2) != null) {
                    try {
                        generated.put(m.group(1), new double[]{Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3))});
                    } catch (NumberFormatException e) {
                        throw refused(a.line, "파일 이름의 samples와 noise를 읽을 수 없습니다");
                    }
                }
                return new Data(m.group(1), m.group(4).equals("train") ? Role.TRAIN_FRAME : Role.TEST_FRAME, false);
            }
        }
        return new Value.Unknown(null);
    }

    /* ---------------- compile and fit ---------------- */

    private void compile(Model model, Args a) {
        if (model.problem != null) return;
        String unexpected = a.unexpected(Set.of("optimizer", "loss", "metrics", "run_eagerly", "jit_compile",
                "steps_per_execution"));
        try {
            if (unexpected != null) {
                throw refused(a.keywordLines.get(unexpected), "model.compile의 " + unexpected + "는 따라갈 수 없습니다");
            }
            Value optimizer = a.get(0, "optimizer");
            model.optimizer = optimizer == null
                    ? new Value.Optimizer(Vocabulary.KERAS_DEFAULT_OPTIMIZER, Value.numbers(), Value.switches())
                    : resolveOptimizer(optimizer, a.lineOf(0, "optimizer"));
            Value loss = a.get(1, "loss");
            if (loss == null) throw refused(a.line, "model.compile에 loss가 없습니다");
            model.loss = resolveLoss(loss, a.lineOf(1, "loss"));
            Value metrics = a.get(3, "metrics");
            model.metrics = resolveMetrics(metrics, a.lineOf(3, "metrics"));
            model.compiled = true;
        } catch (Refused e) {
            model.refuse(e.problem);
        }
    }

    private Value resolveOptimizer(Value v, int line) {
        if (v instanceof Value.Optimizer) return v;
        if (v instanceof Value.Str s) {
            String name = s.value().toLowerCase(Locale.ROOT);
            if (Vocabulary.optimizer(name).isPresent()) return new Value.Optimizer(name, Value.numbers(), Value.switches());
            throw refused(line, "optimizer='" + s.value() + "'는 놀이터에 없습니다. 쓸 수 있는 것: "
                    + String.join(", ", Vocabulary.optimizerNames()));
        }
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), "optimizer: "));
        throw refused(line, "optimizer의 값을 알 수 없습니다");
    }

    private Value resolveLoss(Value v, int line) {
        if (v instanceof Value.Loss) return v;
        String name = null;
        if (v instanceof Value.Str s) name = s.value();
        if (v instanceof Value.Ref r && r.path().startsWith("keras.losses.")) {
            name = r.path().substring("keras.losses.".length());
        }
        if (name != null) {
            LossType ours = Vocabulary.lossSpelled(name).orElse(null);
            if (ours != null) return new Value.Loss(ours.name());
            throw refused(line, "loss='" + name + "'는 놀이터에 없습니다. 쓸 수 있는 것: " + LOSSES_WE_HAVE);
        }
        if (v instanceof Value.Function f) {
            throw refused(line, "직접 만든 손실 함수 " + f.def().name() + "은(는) 따라갈 수 없습니다. 쓸 수 있는 것: "
                    + LOSSES_WE_HAVE);
        }
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), "loss: "));
        throw refused(line, "loss의 값을 알 수 없습니다");
    }

    /**
     * The metrics list. A string stays as written (it is the History key); {@code keras.metrics.mean_absolute_error}, a
     * function, is logged under its function's name, so the legacy aliases ({@code keras.metrics.mae}) give the full one.
     */
    private List<Value> resolveMetrics(Value v, int line) {
        List<Value> metrics = new ArrayList<>();
        if (v == null || v instanceof Value.NoneValue) return metrics;
        if (!(v instanceof Value.Seq list)) throw refused(line, "metrics는 리스트 [...]여야 합니다");
        for (Value item : list.items()) {
            if (item instanceof Value.Metric) {
                metrics.add(item);
                continue;
            }
            if (item instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), "metrics: "));
            if (item instanceof Value.Str s && Metric.known(s.value()) != null) {
                metrics.add(new Value.Metric(s.value()));
                continue;
            }
            String function = item instanceof Value.Ref r && r.path().startsWith("keras.metrics.")
                    ? r.path().substring("keras.metrics.".length()) : null;
            if ("accuracy".equals(function)) {
                throw refused(line, "keras.metrics.accuracy 함수는 예측이 목표값과 똑같은지만 셉니다. 확률을 내는 모델에는"
                        + " 문자열 'accuracy'를 씁니다");
            }
            Metric.Measure measure = function == null || function.equals("acc") ? null : Metric.known(function);
            if (measure == null) {
                String name = item instanceof Value.Str s ? s.value() : function;
                throw refused(line, (name == null ? "이 지표" : "지표 '" + name + "'") + "는 놀이터에 없습니다. 쓸 수 있는"
                        + " 지표: " + METRICS_WE_HAVE);
            }
            metrics.add(new Value.Metric(measure.kerasName()));
        }
        return metrics;
    }

    /** Keras's {@code fit} parameters in their positional order. */
    private static final List<String> FIT_PARAMS = List.of("x", "y", "batch_size", "epochs", "verbose", "callbacks",
            "validation_split", "validation_data", "shuffle");

    private void fit(Model model, Args a) {
        if (model.fitted) return;  // a second fit continues training: the first describes the run
        model.fitted = true;
        if (model.problem != null) return;
        try {
            model.document = document(model, a);
        } catch (Refused e) {
            model.refuse(e.problem);
        }
    }

    private ObjectNode document(Model model, Args a) {
        if (!model.compiled) throw refused(a.line, "model.fit 전에 model.compile(...)이 없습니다");
        for (String key : a.keywords.keySet()) {
            if (!FIT_PARAMS.contains(key) || key.equals("callbacks") || key.equals("validation_data")) {
                throw refused(a.keywordLines.get(key), "model.fit의 " + key + "는 따라갈 수 없습니다. 놀이터가 따르는 것:"
                        + " epochs, batch_size, validation_split, shuffle");
            }
        }
        for (int i = 0; i < a.positional.size(); i++) {
            String p = i < FIT_PARAMS.size() ? FIT_PARAMS.get(i) : "?";
            if (Set.of("callbacks", "validation_data", "?").contains(p)) {
                throw refused(a.positionalLines.get(i), "model.fit의 " + (i + 1) + "번째 인자는 따라갈 수 없습니다");
            }
        }
        Value x = a.get(0, "x");
        Value y = a.get(1, "y");
        Data xs = data(x, "x", a.lineOf(0, "x"));
        Data ys = data(y, "y", a.lineOf(1, "y"));
        if (xs.role() != Role.X_TRAIN || ys.role() != Role.Y_TRAIN) {
            throw refused(a.line, "model.fit에는 훈련 데이터(X_train, y_train)를 넣어야 합니다. 놀이터는 테스트 데이터를"
                    + " 떼어 두고 훈련한 뒤 테스트 점수를 보여 줍니다");
        }
        if (!xs.dataset().equals(ys.dataset())) {
            throw refused(a.line, "X와 y가 서로 다른 데이터셋입니다 (" + xs.dataset() + ", " + ys.dataset() + ")");
        }
        String dataset = xs.dataset();
        int features = Datasets.info(dataset).orElseThrow().features().size();
        if (xs.scaledBy() != null) {
            Data on = xs.scaledBy().fittedOn;
            if (on == null || on.role() != Role.X_TRAIN || !on.dataset().equals(dataset)) {
                throw refused(a.lineOf(0, "x"), "StandardScaler는 훈련 데이터(X_train)로 fit해야 합니다. 놀이터의 정규화는"
                        + " 훈련 데이터의 평균과 분산을 씁니다");
            }
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        if (generated.containsKey(dataset)) {
            ObjectNode d = doc.putObject("dataset");
            d.put("name", dataset);
            d.put("samples", (int) generated.get(dataset)[0]);
            d.put("noise", generated.get(dataset)[1]);
        } else {
            doc.put("dataset", dataset);
        }
        if (seed != null) doc.put("seed", seed);
        ObjectNode m = doc.putObject("model");
        ArrayNode layers = f.arrayNode();
        boolean normalize = false;
        ObjectNode previous = null;
        boolean first = true;
        for (int i = 0; i < model.layers.size(); i++) {
            Value layer = model.layers.get(i);
            if (layer instanceof Value.InputLayer in) {
                if (!first || normalize) throw refused(in.line(), "Input은 모델의 맨 앞에만 둘 수 있습니다");
                checkShape(in.shape(), features, dataset, in.line());
                continue;
            }
            if (layer instanceof Normalizer norm) {
                if (!layers.isEmpty() || normalize) {
                    throw refused(norm.origin.line(), "Normalization은 모델의 맨 앞(Dense 층들보다 먼저)에만 둘 수 있습니다");
                }
                if (norm.problem != null) throw new Refused(norm.problem);
                if (norm.adaptedOn == null) {
                    throw new Refused(new Problem(norm.origin.block(), norm.origin.line(),
                            "Normalization을 adapt(X_train)으로 훈련 데이터에 맞추지 않았습니다"));
                }
                Data on = (Data) norm.adaptedOn;
                if (on.role() != Role.X_TRAIN || !on.dataset().equals(dataset)) {
                    throw new Refused(new Problem(norm.origin.block(), norm.origin.line(), "Normalization은 model.fit에"
                            + " 넣는 훈련 데이터(X_train)로 adapt해야 합니다"));
                }
                normalize = true;
                first = false;
                continue;
            }
            if (layer instanceof Value.DenseLayer dense) {
                if (first && dense.inputShape() != null) checkShape(dense.inputShape(), features, dataset, dense.line());
                first = false;
                previous = layers.addObject();
                previous.put("units", dense.units());
                putActivation(previous, dense.activation());
                continue;
            }
            Value.ActivationLayer act = (Value.ActivationLayer) layer;
            if (previous == null || !"linear".equals(previous.get("activation").asText())) {
                throw refused(act.line(), "활성화 층은 활성화가 없는 Dense 바로 뒤에만 둘 수 있습니다");
            }
            putActivation(previous, act.activation());
        }
        // A StandardScaler fitted on X_train does what an adapted Normalization layer does: (x − mean) / std per feature.
        m.put("normalize", normalize || xs.scaledBy() != null);
        m.set("layers", layers);

        ObjectNode c = doc.putObject("compile");
        Value.Optimizer o = (Value.Optimizer) model.optimizer;
        ObjectNode opt = c.putObject("optimizer");
        opt.put("name", o.name());
        o.numbers().forEach(opt::put);
        o.switches().forEach(opt::put);
        String loss = ((Value.Loss) model.loss).name();
        c.put("loss", loss);
        ArrayNode metrics = c.putArray("metrics");
        for (Value metric : model.metrics) {
            String name = ((Value.Metric) metric).name();
            boolean seen = false;
            for (var existing : metrics) seen |= existing.asText().equals(name);
            if (!seen) metrics.add(name);
        }
        if (loss.equals("categorical_crossentropy") != ys.oneHot()) {
            throw refused(a.lineOf(1, "y"), ys.oneHot()
                    ? "keras.utils.to_categorical로 바꾼 목표값에는 loss='categorical_crossentropy'를 써야 합니다"
                    : "loss='categorical_crossentropy'에는 keras.utils.to_categorical(y_train)로 바꾼 목표값이 필요합니다");
        }

        ObjectNode fitNode = doc.putObject("fit");
        Value epochs = a.get(3, "epochs");
        fitNode.put("epochs", epochs == null ? 1 : integer(epochs, "epochs", a.lineOf(3, "epochs")));
        Value batch = a.get(2, "batch_size");
        fitNode.put("batch_size", batch == null || batch instanceof Value.NoneValue ? 32
                : integer(batch, "batch_size", a.lineOf(2, "batch_size")));
        Value split = a.get(6, "validation_split");
        fitNode.put("validation_split", split == null ? 0.0 : number(split, "validation_split", a.lineOf(6, "validation_split")));
        Value shuffle = a.get(8, "shuffle");
        fitNode.put("shuffle", shuffle == null || bool(shuffle, "shuffle", a.lineOf(8, "shuffle")));
        try {
            RunSpec.from(doc);
        } catch (InvalidConfigException e) {
            throw refused(a.line, e.getMessage());
        }
        return doc;
    }

    private static void putActivation(ObjectNode layer, Value.Activation activation) {
        layer.put("activation", activation.name());
        if (activation.alpha() != null) layer.put("alpha", activation.alpha());
        else layer.remove("alpha");
    }

    private void checkShape(Value shape, int features, String dataset, int line) {
        Value size = shape instanceof Value.Seq s && s.items().size() == 1 ? s.items().get(0) : shape;
        if (size instanceof Value.Features fs && fs.dataset().equals(dataset)) return;
        if (size instanceof Value.Num n && n.value() == features) return;
        if (size instanceof Value.Unknown) return;  // written from something we do not follow: the data decides
        throw refused(line, "입력 모양(input_shape)이 데이터와 맞지 않습니다. " + dataset + "의 특성은 " + features
                + "개입니다 (예: input_shape=(X_train.shape[1],))");
    }

    private Data data(Value v, String what, int line) {
        if (v instanceof Data d) return d;
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), "model.fit의 " + what + ": "));
        throw refused(line, "model.fit의 " + what + "가 어느 데이터셋인지 알 수 없습니다");
    }

    private int integer(Value v, String what, int line) {
        if (v instanceof Value.Num n && n.integer()) return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.value()));
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
        throw refused(line, what + "는 정수여야 합니다");
    }

    private double number(Value v, String what, int line) {
        if (v instanceof Value.Num n) return n.value();
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
        throw refused(line, what + "는 숫자여야 합니다");
    }

    private boolean bool(Value v, String what, int line) {
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
        throw refused(line, what + "는 True나 False여야 합니다");
    }

    /* ---------------- import paths ---------------- */

    private static final String[][] ALIASES = {
            {"tensorflow.python.keras", "keras"}, {"tensorflow.keras", "keras"}, {"tf_keras", "keras"},
            {"keras.src", "keras"}, {"tensorflow.optimizers", "keras.optimizers"},
            {"tensorflow.losses", "keras.losses"}, {"tensorflow.metrics", "keras.metrics"},
            {"tensorflow.nn", "keras.activations"}, {"tensorflow.math", "keras.activations"},
            {"keras.layers.experimental.preprocessing", "keras.layers"}, {"keras.layers.preprocessing", "keras.layers"},
            {"keras.layers.experimental", "keras.layers"}, {"keras.optimizers.legacy", "keras.optimizers"},
            {"keras.optimizers.experimental", "keras.optimizers"}, {"keras.models.Sequential", "keras.Sequential"},
            {"keras.models.Model", "keras.Model"}, {"keras.layers.Input", "keras.Input"},
            {"keras.utils.np_utils", "keras.utils"}, {"keras.random.set_seed", "keras.utils.set_random_seed"},
    };

    /** The one name a module path has however it was imported: {@code tf.keras.layers.Dense} → {@code keras.layers.Dense}. */
    static String canonical(String path) {
        String p = path;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String[] alias : ALIASES) {
                if (p.equals(alias[0]) || p.startsWith(alias[0] + ".")) {
                    p = alias[1] + p.substring(alias[0].length());
                    changed = true;
                }
            }
        }
        return p;
    }

    /** The features count a data set has, for messages and shape checks. */
    static int features(String dataset) {
        return Datasets.info(dataset).map(DatasetInfo::features).map(List::size).orElse(0);
    }
}
