package playground.keras;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import playground.vocabulary.Param;
import playground.vocabulary.Remedies;

/**
 * The reader's part for overfitting's remedies, by the registry ({@link Remedies}): {@code layers.Dropout(rate)},
 * the regularizers a Dense layer takes ({@code keras.regularizers.L1 / L2 / L1L2}, their lower-case aliases and the
 * strings {@code 'l1'}, {@code 'l2'}) and {@code keras.callbacks.EarlyStopping(...)}. Not thread-safe.
 */
final class KerasRemedies {
    /** Keras's strings for a regularizer; 'l1_l2' is left out: Keras 3 reads it as L1L2() of zero factors. */
    private static final Set<String> STRINGS = Set.of("l1", "l2");

    private final Refusals refusals;

    KerasRemedies(Refusals refusals) {
        this.refusals = refusals;
    }

    Value dropout(Args a) {
        String unexpected = a.unexpected(Set.of("rate", "name"));
        if (unexpected != null) {
            throw refusals.refused(a.keywordLines.get(unexpected), "Dropout의 " + unexpected + "는 따라갈 수 없습니다"
                    + " (놀이터는 rate만 따릅니다: 유닛마다 따로 끕니다)");
        }
        Value rate = a.get(0, "rate");
        if (rate == null) throw refusals.refused(a.line, "Dropout에 rate(끄는 비율)가 없습니다 (예: layers.Dropout(0.3))");
        return new Value.DropoutLayer(refusals.number(rate, "rate", a.lineOf(0, "rate")), a.line);
    }

    /** {@code keras.regularizers.NAME(...)}. */
    Value regularizerCall(String name, Args a) {
        String cls = switch (name) {
            case "l1" -> "L1";
            case "l2" -> "L2";
            case "l1_l2" -> Remedies.BOTH_CLASS;
            default -> name;
        };
        if (cls.equals(Remedies.BOTH_CLASS)) {
            String unexpected = a.unexpected(Set.of("l1", "l2"));
            if (unexpected != null) throw refusals.refused(a.line, "L1L2에는 l1과 l2만 줄 수 있습니다");
            return new Value.Regularizer(factor(a, 0, "l1", 0.0), factor(a, 1, "l2", 0.0));
        }
        for (Remedies.RegularizerType t : Remedies.REGULARIZERS) {
            if (!t.keras().equals(cls)) continue;
            String param = t.factor().name();
            if (a.unexpected(Set.of(param)) != null || a.positional.size() > 1) {
                throw refusals.refused(a.line, cls + "에는 " + param + " 하나만 줄 수 있습니다 (예: keras.regularizers." + cls
                        + "(0.01))");
            }
            double f = factor(a, 0, param, Remedies.KERAS_FACTOR);
            return param.equals("l1") ? new Value.Regularizer(f, 0) : new Value.Regularizer(0, f);
        }
        throw refusals.refused(a.line, "keras.regularizers." + name + "는 놀이터에 없습니다. 쓸 수 있는 것: L1, L2, L1L2");
    }

    private double factor(Args a, int position, String name, double fallback) {
        Value v = a.get(position, name);
        return v == null || v instanceof Value.NoneValue ? fallback : refusals.number(v, name, a.lineOf(position, name));
    }

    /** A Dense regularizer argument: None, a regularizer object, or Keras's string. */
    Value.Regularizer regularizer(Value v, String field, int line) {
        if (v == null || v instanceof Value.NoneValue) return null;
        if (v instanceof Value.Regularizer r) return r;
        if (v instanceof Value.Str s && STRINGS.contains(s.value().toLowerCase(Locale.ROOT))) {
            boolean l1 = s.value().equalsIgnoreCase("l1");
            return new Value.Regularizer(l1 ? Remedies.KERAS_FACTOR : 0, l1 ? 0 : Remedies.KERAS_FACTOR);
        }
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), field + ": "));
        throw refusals.refused(line, field + "에는 keras.regularizers.L1(…), L2(…), L1L2(l1=…, l2=…) 또는 'l1', 'l2'를"
                + " 씁니다");
    }

    /** {@code keras.callbacks.NAME(...)}: EarlyStopping only. */
    Value callback(String name, Args a) {
        if (!name.equals(Remedies.EARLY_STOPPING_NAME)) {
            throw refusals.refused(a.line, "keras.callbacks." + name + "는 따라갈 수 없습니다. 놀이터가 따르는 콜백: "
                    + Remedies.EARLY_STOPPING_NAME);
        }
        List<String> order = List.of("monitor", "min_delta", "patience", "verbose", "mode", "baseline",
                "restore_best_weights", "start_from_epoch");  // Keras's positional order
        for (String key : a.keywords.keySet()) {
            if (!order.contains(key) || key.equals("baseline")) {
                throw refusals.refused(a.keywordLines.get(key), "EarlyStopping의 " + key + "는 따라갈 수 없습니다. 놀이터가 따르는"
                        + " 것: monitor, patience, min_delta, mode, restore_best_weights, start_from_epoch");
            }
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String key = order.get(i);
            Value v = a.get(i, key);
            if (v == null || key.equals("verbose")) continue;
            if (key.equals("baseline")) {
                if (v instanceof Value.NoneValue) continue;
                throw refusals.refused(a.lineOf(i, key), "EarlyStopping의 baseline은 따라갈 수 없습니다");
            }
            Param p = Remedies.earlyStopping(key);
            int line = a.lineOf(i, key);
            args.put(key, switch (p.kind()) {
                case INTEGER -> (long) refusals.integer(v, key, line);
                case NUMBER -> refusals.number(v, key, line);
                case BOOLEAN -> refusals.bool(v, key, line);
                case CHOICE -> text(v, key, line);
            });
        }
        return new Value.EarlyStopping(args, a.line);
    }

    private String text(Value v, String key, int line) {
        if (v instanceof Value.Str s) return s.value();
        throw refusals.refused(line, "EarlyStopping의 " + key + "는 문자열이어야 합니다 (예: '" + Remedies.earlyStopping(key)
                .defaultValue() + "')");
    }
}
