package playground.keras;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import playground.keras.PythonLines.Kind;
import playground.keras.PythonLines.Line;
import playground.keras.PythonLines.Token;
import playground.keras.Value.Data;
import playground.keras.Value.Data.Role;
import playground.keras.Value.Model;
import playground.keras.Value.Normalizer;
import playground.keras.Value.Problem;

/**
 * Reads a lesson's Python blocks in order, as one program, following only what builds, compiles and fits a Keras
 * model on one of our data sets. Nothing is executed: each expression is mapped to a {@link Value} that says what
 * it stands for (a data set part, a layer, a model …) or why that cannot be known. Every {@code keras.Sequential}
 * becomes a {@link Model}; its first {@code fit} turns it into a run document. This class evaluates the Python;
 * the calls it follows are {@link KerasCalls}' (building on {@link KerasObjects}, {@link DataSources} and
 * {@link ModelDocument}), the import names {@link ImportPaths}'. One instance reads one lesson; not thread-safe.
 */
final class KerasReader {
    private static final int MAX_CALL_DEPTH = 8;
    private static final Map<String, String> DEFAULT_NAMES = Map.of(
            "tf", "tensorflow", "keras", "keras", "layers", "keras.layers", "np", "numpy", "pd", "pandas",
            "preprocessing", "keras.layers");
    private final Map<String, Value> globals = new HashMap<>();
    private final Deque<Map<String, Value>> locals = new ArrayDeque<>();
    private int block;
    private final Refusals refusals = new Refusals(() -> block);
    private final KerasObjects objects = new KerasObjects(refusals);
    private final DataSources sources = new DataSources(refusals);
    private final KerasCalls calls = new KerasCalls(refusals, objects, sources,
            new ModelDocument(refusals, sources));
    /** Every {@code keras.Sequential} (or unfollowable model) the lesson built, in order. */
    final List<Model> models = calls.models;

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
            for (String[] name : s.names()) scope().put(name[0], new Value.Ref(ImportPaths.canonical(name[1])));
        } else if (statement instanceof Statement.FromImport s) {
            if (!s.module().startsWith(".")) {
                for (String[] name : s.names()) {
                    if (!name[0].equals("*")) scope().put(name[0], new Value.Ref(ImportPaths.canonical(s.module() + "." + name[1])));
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
                    Problem p = refusals.problem(token.line(), where + "의 " + name + "." + method + "(...)는 따라갈 수 없습니다."
                            + " 모델 만들기, compile, fit은 들여쓰기 없이 한 번씩 써 주세요");
                    if (current instanceof Model m && Set.of("add", "compile", "fit", "pop").contains(method)) {
                        m.refuse(p);
                    } else if (current instanceof Normalizer norm && method.equals("adapt") && norm.problem == null) {
                        norm.problem = p;
                    }
                }
                if (assigned) {
                    scope().put(name, new Value.Unknown(refusals.problem(token.line(), name + "의 값이 " + where
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

    private Value eval(Expr e) {
        if (e instanceof Expr.Constant c) return c.value();
        if (e instanceof Expr.Name n) {
            Value v = lookup(n.id());
            return v != null ? v : new Value.Unknown(refusals.problem(n.line(), n.id() + "이(가) 이 강의의 코드 어디에서도"
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
            return unknownFrom(refusals, v, u.line());
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
            return new Value.Unknown(refusals.problem(b.line(), "계산식(" + b.op() + ")의 값은 실행해야 알 수 있습니다"));
        }
        if (e instanceof Expr.Slice s) return new Value.Unknown(null);
        Expr.Opaque o = (Expr.Opaque) e;
        return new Value.Unknown(refusals.problem(o.line(), o.what() + "은(는) 따라갈 수 없습니다"));
    }

    static Value unknownFrom(Refusals refusals, Value v, int line) {
        return v instanceof Value.Unknown u && u.problem() != null ? u
                : new Value.Unknown(refusals.problem(line, "값을 코드만 읽어서는 알 수 없습니다"));
    }

    private Value attribute(Value target, String name, int line) {
        if (target instanceof Value.Ref r) return new Value.Ref(ImportPaths.canonical(r.path() + "." + name));
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

    private Value call(Expr.Call c) {
        Value function = eval(c.function());
        Args a = new Args(c, this::eval);
        try {
            if (function instanceof Value.Function f) return invoke(f, a);
            if (function instanceof Value.Method m) return calls.method(m, a);
            if (function instanceof Value.Ref r) return calls.refCall(r.path(), a);
        } catch (Refused e) {
            return new Value.Unknown(e.problem);
        }
        return new Value.Unknown(refusals.problem(c.line(), "함수를 실행해야 알 수 있는 값입니다"));
    }

    private Value invoke(Value.Function f, Args a) {
        Statement.Def def = f.def();
        if (locals.size() >= MAX_CALL_DEPTH) {
            return new Value.Unknown(refusals.problem(a.line, def.name() + "(...) 호출이 너무 깊습니다"));
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
                frame.put(p, v == null ? new Value.Unknown(refusals.problem(a.line, p + " 인자가 빠졌습니다")) : v);
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

}
