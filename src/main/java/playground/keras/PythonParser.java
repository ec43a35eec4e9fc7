package playground.keras;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import playground.keras.PythonLines.Kind;
import playground.keras.PythonLines.Line;
import playground.keras.PythonLines.Token;

/**
 * Parses logical lines into {@link Statement}s: assignments, expression statements, imports, {@code def} and
 * {@code return}; any other statement (loops, conditions, classes) becomes {@link Statement.Other} with its body.
 * Stateless; safe to share between threads.
 */
final class PythonParser {
    private static final Set<String> COMPOUND = Set.of("if", "elif", "else", "for", "while", "with", "try", "except",
            "finally", "class", "async", "match", "case");
    private static final Set<String> SIMPLE = Set.of("pass", "del", "global", "nonlocal", "assert", "raise", "break",
            "continue", "yield", "await");
    private static final Set<String> AUGMENTED = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=",
            "|=", "^=", "@=");

    private PythonParser() {}

    static List<Statement> parse(List<Line> lines) {
        List<Statement> statements = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Line line = lines.get(i);
            int end = i + 1;
            if (endsWithColon(line)) {
                while (end < lines.size() && lines.get(end).indent() > line.indent()) end++;
            }
            List<Line> body = lines.subList(i + 1, end);
            statements.addAll(statement(line, body));
            i = end;
        }
        return statements;
    }

    private static boolean endsWithColon(Line line) {
        List<Token> t = line.tokens();
        Token first = t.get(0);
        return (first.kind() == Kind.NAME && (COMPOUND.contains(first.text()) || first.text().equals("def")))
                && t.get(t.size() - 1).is(":");
    }

    private static List<Statement> statement(Line line, List<Line> body) {
        List<Token> tokens = line.tokens();
        Token first = tokens.get(0);
        List<Line> all = new ArrayList<>();
        all.add(line);
        all.addAll(body);
        if (first.kind() == Kind.NAME && first.text().equals("def")) {
            try {
                return List.of(def(line, body));
            } catch (IllegalStateException e) {
                return List.of(new Statement.Other("def", all, line.number()));
            }
        }
        if (first.kind() == Kind.NAME && (COMPOUND.contains(first.text()) || first.text().equals("lambda"))) {
            return List.of(new Statement.Other(first.text(), all, line.number()));
        }
        List<Statement> out = new ArrayList<>();
        for (List<Token> part : splitSemicolons(tokens)) {
            if (part.isEmpty()) continue;
            Line single = new Line(part.get(0).line(), line.indent(), part);
            try {
                out.add(simple(part, line.number()));
            } catch (IllegalStateException e) {
                out.add(new Statement.Other("unparsed", List.of(single), part.get(0).line()));
            }
        }
        return out;
    }

    private static List<List<Token>> splitSemicolons(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.is(";")) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        return parts;
    }

    private static Statement simple(List<Token> tokens, int lineNumber) {
        Token first = tokens.get(0);
        int line = first.line();
        if (first.is("import") && first.kind() == Kind.NAME) return importStatement(tokens, line);
        if (first.is("from") && first.kind() == Kind.NAME) return fromImport(tokens, line);
        if (first.kind() == Kind.NAME && SIMPLE.contains(first.text())) {
            return new Statement.Other(first.text(), List.of(new Line(line, 0, tokens)), line);
        }
        Cursor c = new Cursor(tokens);
        if (first.is("return") && first.kind() == Kind.NAME) {
            c.next();
            Expr value = c.atEnd() ? new Expr.Constant(new Value.NoneValue(), line) : c.exprList();
            c.expectEnd();
            return new Statement.Return(value, line);
        }
        Expr expr = c.exprList();
        if (c.atEnd()) return new Statement.ExprStatement(expr, line);
        if (c.peek().kind() == Kind.OP && AUGMENTED.contains(c.peek().text())) {
            return new Statement.Other("augmented", List.of(new Line(line, 0, tokens)), line);
        }
        List<Expr> targets = new ArrayList<>();
        while (!c.atEnd() && c.peek().is("=")) {
            c.next();
            targets.add(expr);
            expr = c.exprList();
        }
        c.expectEnd();
        if (targets.isEmpty()) throw new IllegalStateException("not a statement");
        return new Statement.Assign(targets, expr, line);
    }

    private static Statement importStatement(List<Token> tokens, int line) {
        List<String[]> names = new ArrayList<>();
        Cursor c = new Cursor(tokens);
        c.next();
        while (!c.atEnd()) {
            String module = c.dotted();
            String alias = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
            String path = alias;
            if (!c.atEnd() && c.peek().is("as")) {
                c.next();
                alias = c.name();
                path = module;
            }
            names.add(new String[]{alias, path});
            if (!c.atEnd()) c.expect(",");
        }
        return new Statement.Import(names, line);
    }

    private static Statement fromImport(List<Token> tokens, int line) {
        Cursor c = new Cursor(tokens);
        c.next();
        String module = c.dotted();
        if (c.atEnd() || !c.next().is("import")) throw new IllegalStateException("from without import");
        List<String[]> names = new ArrayList<>();
        boolean paren = !c.atEnd() && c.peek().is("(");
        if (paren) c.next();
        while (!c.atEnd() && !c.peek().is(")")) {
            if (c.peek().is("*")) {
                c.next();
                names.add(new String[]{"*", "*"});
            } else {
                String name = c.name();
                String alias = name;
                if (!c.atEnd() && c.peek().is("as")) {
                    c.next();
                    alias = c.name();
                }
                names.add(new String[]{alias, name});
            }
            if (!c.atEnd() && c.peek().is(",")) c.next();
        }
        if (paren) c.expect(")");
        c.expectEnd();
        return new Statement.FromImport(module, names, line);
    }

    private static Statement def(Line header, List<Line> body) {
        List<Token> tokens = header.tokens();
        Cursor c = new Cursor(tokens.subList(0, tokens.size() - 1));
        c.next();
        String name = c.name();
        c.expect("(");
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        while (!c.peek().is(")")) {
            if (c.peek().is("*") || c.peek().is("**") || c.peek().is("/")) throw new IllegalStateException("star params");
            params.add(c.name());
            if (c.peek().is(":")) {
                c.next();
                c.expr();
            }
            if (c.peek().is("=")) {
                c.next();
                defaults.add(c.expr());
            } else {
                defaults.add(null);
            }
            if (c.peek().is(",")) c.next();
        }
        c.expect(")");
        if (!c.atEnd() && c.peek().is("->")) {
            c.next();
            c.expr();
        }
        c.expectEnd();
        List<Line> lines = new ArrayList<>(body);
        return new Statement.Def(name, params, defaults, lines, header.number());
    }

    /** Recursive descent over one statement's tokens. Throws IllegalStateException outside the subset. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int at;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return at >= tokens.size();
        }

        Token peek() {
            if (atEnd()) throw new IllegalStateException("unexpected end");
            return tokens.get(at);
        }

        boolean peekIs(String op) {
            return !atEnd() && tokens.get(at).is(op);
        }

        Token next() {
            Token t = peek();
            at++;
            return t;
        }

        void expect(String op) {
            if (!next().is(op)) throw new IllegalStateException("expected " + op);
        }

        void expectEnd() {
            if (!atEnd()) throw new IllegalStateException("trailing tokens");
        }

        String name() {
            Token t = next();
            if (t.kind() != Kind.NAME) throw new IllegalStateException("expected a name");
            return t.text();
        }

        String dotted() {
            StringBuilder s = new StringBuilder();
            while (peekIs(".")) {
                next();
                s.append('.');
            }
            s.append(name());
            while (peekIs(".")) {
                next();
                s.append('.').append(name());
            }
            return s.toString();
        }

        /** A bare tuple ({@code a, b = ...}) or a single expression. */
        Expr exprList() {
            int line = peek().line();
            Expr first = expr();
            if (!peekIs(",")) return first;
            List<Expr> items = new ArrayList<>();
            items.add(first);
            while (peekIs(",")) {
                next();
                if (atEnd() || peekIs("=") || peekIs(")")) break;
                items.add(expr());
            }
            return new Expr.Sequence(items, false, line);
        }

        Expr expr() {
            if (peekIs("lambda") && peek().kind() == Kind.NAME) {
                int line = peek().line();
                skipUntilTopLevel(Set.of(",", ")", "]", "}", "="));
                return new Expr.Opaque("lambda", line);
            }
            Expr e = or();
            if (peekIs("if") && peek().kind() == Kind.NAME) {
                next();
                or();
                if (!next().is("else")) throw new IllegalStateException("if without else");
                expr();
                return new Expr.Opaque("조건식 (a if b else c)", e.line());
            }
            return e;
        }

        private void skipUntilTopLevel(Set<String> stops) {
            int depth = 0;
            while (!atEnd()) {
                Token t = peek();
                if (depth == 0 && t.kind() == Kind.OP && stops.contains(t.text())) return;
                if (t.is("(") || t.is("[") || t.is("{")) depth++;
                if (t.is(")") || t.is("]") || t.is("}")) depth--;
                next();
            }
        }

        private Expr or() {
            Expr e = and();
            while (peekIs("or") && peek().kind() == Kind.NAME) {
                next();
                e = new Expr.Binary("or", e, and(), e.line());
            }
            return e;
        }

        private Expr and() {
            Expr e = not();
            while (peekIs("and") && peek().kind() == Kind.NAME) {
                next();
                e = new Expr.Binary("and", e, not(), e.line());
            }
            return e;
        }

        private Expr not() {
            if (peekIs("not") && peek().kind() == Kind.NAME) {
                int line = next().line();
                return new Expr.Unary("not", not(), line);
            }
            return comparison();
        }

        private static final Set<String> COMPARE = Set.of("<", ">", "==", ">=", "<=", "!=", "in", "is");

        private Expr comparison() {
            Expr e = arith();
            while (!atEnd() && (COMPARE.contains(peek().text()) || peek().is("not"))) {
                String op = next().text();
                if (op.equals("not") || (op.equals("is") && peekIs("not"))) {
                    if (peekIs("in") || peekIs("not")) next();
                }
                e = new Expr.Binary(op, e, arith(), e.line());
            }
            return e;
        }

        private Expr arith() {
            Expr e = term();
            while (!atEnd() && peek().kind() == Kind.OP && Set.of("+", "-", "|", "&", "^", "<<", ">>").contains(peek().text())) {
                String op = next().text();
                e = new Expr.Binary(op, e, term(), e.line());
            }
            return e;
        }

        private Expr term() {
            Expr e = unary();
            while (!atEnd() && peek().kind() == Kind.OP && Set.of("*", "/", "//", "%", "@").contains(peek().text())) {
                String op = next().text();
                e = new Expr.Binary(op, e, unary(), e.line());
            }
            return e;
        }

        private Expr unary() {
            if (!atEnd() && peek().kind() == Kind.OP && Set.of("-", "+", "~").contains(peek().text())) {
                Token op = next();
                return new Expr.Unary(op.text(), unary(), op.line());
            }
            return power();
        }

        private Expr power() {
            Expr e = primary();
            if (peekIs("**")) {
                next();
                return new Expr.Binary("**", e, unary(), e.line());
            }
            return e;
        }

        private Expr primary() {
            Expr e = atom();
            while (!atEnd()) {
                if (peekIs(".")) {
                    next();
                    e = new Expr.Attribute(e, name(), e.line());
                } else if (peekIs("(")) {
                    e = call(e);
                } else if (peekIs("[")) {
                    next();
                    List<Expr> index = new ArrayList<>();
                    while (!peekIs("]")) {
                        index.add(sliceItem());
                        if (peekIs(",")) next();
                    }
                    expect("]");
                    e = new Expr.Subscript(e, index, e.line());
                } else {
                    break;
                }
            }
            return e;
        }

        private Expr sliceItem() {
            int line = peek().line();
            Expr lower = peekIs(":") ? null : expr();
            if (!peekIs(":")) return lower;
            next();
            Expr upper = peekIs(":") || peekIs(",") || peekIs("]") ? null : expr();
            Expr step = null;
            if (peekIs(":")) {
                next();
                step = peekIs(",") || peekIs("]") ? null : expr();
            }
            return new Expr.Slice(lower, upper, step, line);
        }

        private Expr call(Expr function) {
            expect("(");
            List<Expr> args = new ArrayList<>();
            Map<String, Expr> kwargs = new LinkedHashMap<>();
            boolean opaque = false;
            while (!peekIs(")")) {
                if (peekIs("*") || peekIs("**")) {
                    next();
                    expr();
                    opaque = true;
                } else if (peek().kind() == Kind.NAME && at + 1 < tokens.size() && tokens.get(at + 1).is("=")) {
                    String key = next().text();
                    next();
                    kwargs.put(key, expr());
                } else {
                    Expr arg = expr();
                    if (peekIs("for")) {
                        skipUntilTopLevel(Set.of(")"));
                        arg = new Expr.Opaque("생성식", arg.line());
                    }
                    args.add(arg);
                }
                if (!peekIs(")")) expect(",");
            }
            expect(")");
            if (opaque) return new Expr.Opaque("*args / **kwargs", function.line());
            return new Expr.Call(function, args, kwargs, function.line());
        }

        private Expr atom() {
            Token t = next();
            int line = t.line();
            switch (t.kind()) {
                case NUMBER -> {
                    return new Expr.Constant(number(t.text()), line);
                }
                case STRING -> {
                    StringBuilder s = new StringBuilder(t.text());
                    boolean f = false;
                    while (!atEnd() && (peek().kind() == Kind.STRING || peek().kind() == Kind.FSTRING)) {
                        f |= peek().kind() == Kind.FSTRING;
                        s.append(next().text());
                    }
                    return f ? new Expr.Opaque("f-문자열", line) : new Expr.Constant(new Value.Str(s.toString()), line);
                }
                case FSTRING -> {
                    while (!atEnd() && (peek().kind() == Kind.STRING || peek().kind() == Kind.FSTRING)) next();
                    return new Expr.Opaque("f-문자열", line);
                }
                case NAME -> {
                    return switch (t.text()) {
                        case "True" -> new Expr.Constant(new Value.Bool(true), line);
                        case "False" -> new Expr.Constant(new Value.Bool(false), line);
                        case "None" -> new Expr.Constant(new Value.NoneValue(), line);
                        default -> new Expr.Name(t.text(), line);
                    };
                }
                default -> {
                    if (t.is("(")) return bracketed(")", false, line);
                    if (t.is("[")) return bracketed("]", true, line);
                    if (t.is("{")) {
                        at--;
                        skipBalanced();
                        return new Expr.Opaque("사전(dict)", line);
                    }
                    if (t.is("...")) return new Expr.Opaque("...", line);
                    throw new IllegalStateException("unexpected " + t.text());
                }
            }
        }

        private Expr bracketed(String close, boolean list, int line) {
            List<Expr> items = new ArrayList<>();
            boolean comma = false;
            while (!peekIs(close)) {
                Expr item = expr();
                if (peekIs("for") && peek().kind() == Kind.NAME) {
                    skipUntilTopLevel(Set.of(close));
                    expect(close);
                    return new Expr.Opaque(list ? "리스트 내포" : "생성식", line);
                }
                items.add(item);
                if (peekIs(",")) {
                    next();
                    comma = true;
                } else {
                    break;
                }
            }
            expect(close);
            if (!list && items.size() == 1 && !comma) return items.get(0);
            return new Expr.Sequence(items, list, line);
        }

        private void skipBalanced() {
            int depth = 0;
            do {
                Token t = next();
                if (t.is("(") || t.is("[") || t.is("{")) depth++;
                if (t.is(")") || t.is("]") || t.is("}")) depth--;
            } while (depth > 0);
        }
    }

    static Value number(String text) {
        String s = text.replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return new Value.Num(Long.parseLong(s.substring(2), 16), true);
            if (s.endsWith("j") || s.endsWith("J")) return new Value.Unknown(null);
            boolean integer = !s.contains(".") && !s.contains("e") && !s.contains("E");
            return new Value.Num(Double.parseDouble(s), integer);
        } catch (NumberFormatException e) {
            return new Value.Unknown(null);
        }
    }
}
