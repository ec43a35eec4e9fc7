package playground.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Evaluated arguments of one call, with the lines they are written on. Not thread-safe. */
final class Args {
        final List<Value> positional = new ArrayList<>();
    final List<Integer> positionalLines = new ArrayList<>();
    final Map<String, Value> keywords = new LinkedHashMap<>();
    final Map<String, Integer> keywordLines = new HashMap<>();
    final int line;

    Args(Expr.Call call, Function<Expr, Value> eval) {
        line = call.line();
        for (Expr a : call.args()) {
            positional.add(eval.apply(a));
            positionalLines.add(a.line());
        }
        call.kwargs().forEach((k, v) -> {
            keywords.put(k, eval.apply(v));
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
