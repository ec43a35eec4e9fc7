package playground.keras;

import java.util.function.IntSupplier;
import playground.keras.Value.Problem;

/**
 * The problems of the block being read, and the checks of an argument's value that refuse what a run cannot use.
 * Not thread-safe.
 */
final class Refusals {
    private final IntSupplier block;

    /** @param block the block being read now (a call reads its function's block) */
    Refusals(IntSupplier block) {
        this.block = block;
    }

    Refused refused(int line, String reason) {
        return new Refused(problem(line, reason));
    }

    Problem problem(int line, String reason) {
        return new Problem(block.getAsInt(), line, reason);
    }

    static Problem withPrefix(Problem p, String prefix) {
        return new Problem(p.block(), p.line(), prefix + p.reason());
    }

    int integer(Value v, String what, int line) {
        if (v instanceof Value.Num n && n.integer()) return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.value()));
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
        throw refused(line, what + "는 정수여야 합니다");
    }

    double number(Value v, String what, int line) {
        if (v instanceof Value.Num n) return n.value();
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
        throw refused(line, what + "는 숫자여야 합니다");
    }

    boolean bool(Value v, String what, int line) {
        if (v instanceof Value.Bool b) return b.value();
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(withPrefix(u.problem(), what + ": "));
        throw refused(line, what + "는 True나 False여야 합니다");
    }
}
