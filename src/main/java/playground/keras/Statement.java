package playground.keras;

import java.util.List;

/** A Python statement of the subset; anything else is {@link Other}. {@code line} is where it starts. */
sealed interface Statement {
    int line();

    record ExprStatement(Expr expr, int line) implements Statement {}

    /** {@code a = b = value}; each target is a Name, a Sequence of targets, or something ignored. */
    record Assign(List<Expr> targets, Expr value, int line) implements Statement {}

    /** {@code import a.b as c}: alias → module path. */
    record Import(List<String[]> names, int line) implements Statement {}

    /** {@code from a.b import c as d}. */
    record FromImport(String module, List<String[]> names, int line) implements Statement {}

    /** {@code def name(params): body}; defaults may be null per parameter. */
    record Def(String name, List<String> params, List<Expr> defaults, List<PythonLines.Line> body, int line)
            implements Statement {}

    record Return(Expr value, int line) implements Statement {}

    /**
     * A statement the recogniser does not follow (a loop, a condition, an augmented assignment, a line it cannot
     * parse): {@code lines} are all its logical lines, scanned for the names it may change.
     */
    record Other(String what, List<PythonLines.Line> lines, int line) implements Statement {}
}
