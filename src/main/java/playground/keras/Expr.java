package playground.keras;

import java.util.List;
import java.util.Map;

/** A Python expression of the subset the recogniser reads. {@code line} is the 1-based line it starts on. */
sealed interface Expr {
    int line();

    record Name(String id, int line) implements Expr {}

    /** A number, a string, True, False or None. */
    record Constant(Value value, int line) implements Expr {}

    record Attribute(Expr target, String name, int line) implements Expr {}

    record Call(Expr function, List<Expr> args, Map<String, Expr> kwargs, int line) implements Expr {}

    record Subscript(Expr target, List<Expr> index, int line) implements Expr {}

    /** {@code lower:upper:step}; absent parts are null. */
    record Slice(Expr lower, Expr upper, Expr step, int line) implements Expr {}

    record Sequence(List<Expr> items, boolean list, int line) implements Expr {}

    record Unary(String op, Expr operand, int line) implements Expr {}

    record Binary(String op, Expr left, Expr right, int line) implements Expr {}

    /** Something outside the subset (a lambda, a comprehension, a dict, *args): its value is unknown. */
    record Opaque(String what, int line) implements Expr {}
}
