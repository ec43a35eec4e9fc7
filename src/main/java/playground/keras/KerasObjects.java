package playground.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import playground.engine.Metric;
import playground.keras.Value.Model;
import playground.keras.Value.Normalizer;
import playground.vocabulary.ActivationType;
import playground.vocabulary.LossType;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Param;
import playground.vocabulary.Vocabulary;

/**
 * The Keras API the reader follows, by the registry ({@link Vocabulary}): layers, activations, optimizers, losses,
 * metrics, and {@code model.compile}. Not thread-safe.
 */
final class KerasObjects {
    static final String LAYERS_WE_HAVE = "Dense, Normalization, Dropout (그리고 활성화만 하는 Activation, LeakyReLU, ELU,"
            + " ReLU, Softmax)";

    private final Refusals refusals;
    final KerasRemedies remedies;

    KerasObjects(Refusals refusals) {
        this.refusals = refusals;
        this.remedies = new KerasRemedies(refusals);
    }

    Value layer(String name, Args a) {
        switch (name) {
            case "Dense":
                return dense(a);
            case "Normalization":
                return normalization(a);
            case "Dropout":
                return remedies.dropout(a);
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
                    throw refusals.refused(a.line, "layers.ReLU의 인자(max_value 등)는 따라갈 수 없습니다");
                }
                return new Value.Activation("relu", null);
            case "Softmax":
                return new Value.Activation("softmax", null);
            default:
                ActivationType act = Vocabulary.activationLayer(name).orElse(null);
                if (act != null) return activationLayer(act.name(), act.kerasLayer(), a);
                throw refusals.refused(a.line, "layers." + name + " 층은 놀이터에 없습니다. 쓸 수 있는 층: " + LAYERS_WE_HAVE);
        }
    }

    /** {@code LeakyReLU(negative_slope=…)}, {@code ELU(alpha=…)}: the activation, at the layer's default when omitted. */
    private Value activationLayer(String activation, ActivationType.KerasLayer layer, Args a) {
        // Keras 2 called LeakyReLU's negative_slope alpha
        Value v = a.get(0, a.keywords.containsKey("alpha") ? "alpha" : layer.arg());
        return new Value.Activation(activation, v == null ? layer.defaultValue()
                : refusals.number(v, layer.arg(), a.lineOf(0, layer.arg())));
    }

    private Value dense(Args a) {
        String unexpected = a.unexpected(Set.of("units", "activation", "input_shape", "input_dim", "name", "use_bias",
                "kernel_regularizer", "bias_regularizer"));
        if (unexpected != null) {
            throw refusals.refused(a.keywordLines.get(unexpected), "Dense의 " + unexpected + "는 따라갈 수 없습니다 (놀이터는"
                    + " Keras의 기본값을 씁니다)");
        }
        if (a.positional.size() > 2) {
            throw refusals.refused(a.line, "Dense의 세 번째 인자부터는 따라갈 수 없습니다");
        }
        Value units = a.get(0, "units");
        if (units == null) throw refusals.refused(a.line, "Dense에 units(뉴런 수)가 없습니다");
        int n = refusals.integer(units, "units", a.lineOf(0, "units"));
        Value act = a.get(1, "activation");
        Value.Activation activation = activation(act == null ? new Value.NoneValue() : act,
                a.lineOf(1, "activation"), "activation");
        Value useBias = a.keywords.get("use_bias");
        if (useBias != null && !(useBias instanceof Value.Bool b && b.value())) {
            throw refusals.refused(a.keywordLines.get("use_bias"), "use_bias=False는 따라갈 수 없습니다 (놀이터의 Dense는 늘"
                    + " 편향을 씁니다)");
        }
        Value shape = a.keywords.get("input_shape");
        if (a.keywords.containsKey("input_dim")) shape = new Value.Seq(List.of(a.keywords.get("input_dim")), false);
        return new Value.DenseLayer(n, activation, shape, a.line,
                remedies.regularizer(a.keywords.get("kernel_regularizer"), "kernel_regularizer", a.keywordLines.getOrDefault("kernel_regularizer", a.line)),
                remedies.regularizer(a.keywords.get("bias_regularizer"), "bias_regularizer", a.keywordLines.getOrDefault("bias_regularizer", a.line)));
    }

    private Value normalization(Args a) {
        String unexpected = a.unexpected(Set.of("axis", "input_shape", "input_dim", "name"));
        if (unexpected != null) {
            throw refusals.refused(a.keywordLines.get(unexpected), "Normalization의 " + unexpected + "는 따라갈 수 없습니다."
                    + " 평균과 분산은 adapt로 훈련 데이터에서 구해야 합니다");
        }
        Value axis = a.get(0, "axis");
        if (axis != null && !(axis instanceof Value.Num n && n.value() == -1)) {
            throw refusals.refused(a.lineOf(0, "axis"), "Normalization의 axis는 -1(특성마다 따로 정규화)이어야 합니다."
                    + " 놀이터의 정규화는 특성마다 평균과 분산을 구합니다");
        }
        return new Normalizer(refusals.problem(a.line, "Normalization"));
    }

    Value input(Args a) {
        Value shape = a.get(0, a.keywords.containsKey("input_shape") ? "input_shape" : "shape");
        if (shape == null) throw refusals.refused(a.line, "Input에 shape이 없습니다");
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
                throw refusals.refused(line, "직접 만든 활성화 함수 " + f.def().name() + "은(는) 따라갈 수 없습니다");
            }
            if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), what + ": "));
            throw refusals.refused(line, what + "의 값을 알 수 없습니다");
        }
        String key = name.toLowerCase(Locale.ROOT);
        ActivationType ours = Vocabulary.activation(key).orElse(null);
        if (ours == null) {
            throw refusals.refused(line, "activation='" + name + "'는 놀이터에 없습니다. 쓸 수 있는 것: "
                    + String.join(", ", Vocabulary.activationNames()));
        }
        return new Value.Activation(key, ours.kerasFunction());
    }

    /**
     * {@code keras.optimizers.Cls(...)}: its arguments by Keras's signature ({@link OptimizerType#kerasArgs}); the ones
     * the engine does not vary only at Keras's defaults.
     */
    Value optimizer(String cls, Args a) {
        OptimizerType type = Vocabulary.optimizerClass(cls).orElseThrow(() -> refusals.refused(a.line, "optimizers." + cls
                + "는 놀이터에 없습니다. 쓸 수 있는 것: " + String.join(", ",
                Vocabulary.OPTIMIZERS.stream().map(OptimizerType::keras).toList())));
        List<String> params = type.kerasArgs();
        Map<String, Double> numbers = Value.numbers();
        Map<String, Boolean> switches = Value.switches();
        for (String key : a.keywords.keySet()) {
            if (!params.contains(key) && !key.equals("lr") && !key.equals("name")) {
                throw refusals.refused(a.keywordLines.get(key), cls + "의 " + key + "는 따라갈 수 없습니다");
            }
        }
        if (a.positional.size() > params.size()) throw refusals.refused(a.line, cls + "의 인자가 너무 많습니다");
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            Value v = a.get(i, p);
            if (p.equals("learning_rate") && v == null) v = a.keywords.get("lr");
            if (v == null) continue;
            int line = a.lineOf(i, p);
            Param ours = type.param(p);
            if (ours == null) {
                Object keras = type.kerasFixed().get(p);
                Object given = keras instanceof Boolean ? (Object) refusals.bool(v, p, line) : (Object) refusals.number(v, p, line);
                if (!given.equals(keras)) {
                    throw refusals.refused(line, cls + "의 " + p + "는 Keras 기본값 " + python(keras) + "만 쓸 수 있습니다");
                }
            } else if (ours.kind() == Param.Kind.BOOLEAN) {
                switches.put(p, refusals.bool(v, p, line));
            } else {
                numbers.put(p, refusals.number(v, p, line));
            }
        }
        return new Value.Optimizer(type.name(), numbers, switches);
    }

    /** A value as Python writes it: {@code False}, {@code 0.1}. */
    private static String python(Object value) {
        return value instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(value);
    }

    Value lossObject(String cls, Args a) {
        String name = Vocabulary.lossClass(cls).map(LossType::name).orElseThrow(() -> refusals.refused(a.line, "losses." + cls
                + "는 놀이터에 없습니다. 쓸 수 있는 것: " + String.join(", ",
                Vocabulary.LOSSES.stream().map(LossType::keras).sorted().toList())));
        Value logits = a.keywords.get("from_logits");
        if (logits != null && !(logits instanceof Value.Bool b && !b.value())) {
            throw refusals.refused(a.keywordLines.get("from_logits"), "from_logits=True는 따라갈 수 없습니다. 놀이터의 마지막 층은"
                    + " sigmoid나 softmax로 확률을 냅니다");
        }
        String unexpected = a.unexpected(Set.of("from_logits", "name", "reduction"));
        if (unexpected != null || !a.positional.isEmpty()) {
            throw refusals.refused(a.line, "losses." + cls + "의 인자는 따라갈 수 없습니다");
        }
        return new Value.Loss(name);
    }

    /**
     * {@code keras.metrics.SomeMetric(...)}: logged under the class's default name, the measure's snake_case name
     * ({@code BinaryAccuracy()} logs {@code binary_accuracy}), as Keras names a metric object.
     */
    Value metricObject(String cls, Args a) {
        // Accuracy() counts exact matches, and MAE or MSE are string aliases, not classes
        boolean aClassWeFollow = !cls.equals("Accuracy") && !cls.equals(cls.toUpperCase(Locale.ROOT));
        Metric.Measure measure = aClassWeFollow ? Metric.known(cls) : null;
        if (measure == null) {
            throw refusals.refused(a.line, "metrics." + cls + "는 놀이터에 없습니다. 쓸 수 있는 지표: " + METRICS_WE_HAVE);
        }
        Value threshold = a.keywords.get("threshold");
        if (threshold != null && !(threshold instanceof Value.Num n && n.value() == 0.5)) {
            throw refusals.refused(a.keywordLines.get("threshold"), "threshold는 0.5(Keras 기본값)만 쓸 수 있습니다");
        }
        String unexpected = a.unexpected(Set.of("name", "threshold", "dtype"));
        if (unexpected != null || !a.positional.isEmpty()) throw refusals.refused(a.line, "metrics." + cls + "의 인자는 따라갈 수 없습니다");
        Value name = a.keywords.get("name");
        if (name != null && !(name instanceof Value.Str str && str.value().equals(measure.kerasName()))) {
            throw refusals.refused(a.keywordLines.get("name"), "지표의 name은 따라갈 수 없습니다. 놀이터는 지표를 Keras의 이름("
                    + measure.kerasName() + ")으로 기록합니다");
        }
        return new Value.Metric(measure.kerasName());
    }

    private static final String LOSSES_WE_HAVE = String.join(", ", Vocabulary.lossNames());

    private static final String METRICS_WE_HAVE = String.join(", ", Metric.commonNames());

    void compile(Model model, Args a) {
        if (model.problem != null) return;
        String unexpected = a.unexpected(Set.of("optimizer", "loss", "metrics", "run_eagerly", "jit_compile",
                "steps_per_execution"));
        try {
            if (unexpected != null) {
                throw refusals.refused(a.keywordLines.get(unexpected), "model.compile의 " + unexpected + "는 따라갈 수 없습니다");
            }
            Value optimizer = a.get(0, "optimizer");
            model.optimizer = optimizer == null
                    ? new Value.Optimizer(Vocabulary.KERAS_DEFAULT_OPTIMIZER, Value.numbers(), Value.switches())
                    : resolveOptimizer(optimizer, a.lineOf(0, "optimizer"));
            Value loss = a.get(1, "loss");
            if (loss == null) throw refusals.refused(a.line, "model.compile에 loss가 없습니다");
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
            throw refusals.refused(line, "optimizer='" + s.value() + "'는 놀이터에 없습니다. 쓸 수 있는 것: "
                    + String.join(", ", Vocabulary.optimizerNames()));
        }
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), "optimizer: "));
        throw refusals.refused(line, "optimizer의 값을 알 수 없습니다");
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
            throw refusals.refused(line, "loss='" + name + "'는 놀이터에 없습니다. 쓸 수 있는 것: " + LOSSES_WE_HAVE);
        }
        if (v instanceof Value.Function f) {
            throw refusals.refused(line, "직접 만든 손실 함수 " + f.def().name() + "은(는) 따라갈 수 없습니다. 쓸 수 있는 것: "
                    + LOSSES_WE_HAVE);
        }
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), "loss: "));
        throw refusals.refused(line, "loss의 값을 알 수 없습니다");
    }

    /**
     * The metrics list. A string stays as written (it is the History key); {@code keras.metrics.mean_absolute_error}, a
     * function, is logged under its function's name, so the legacy aliases ({@code keras.metrics.mae}) give the full one.
     */
    private List<Value> resolveMetrics(Value v, int line) {
        List<Value> metrics = new ArrayList<>();
        if (v == null || v instanceof Value.NoneValue) return metrics;
        if (!(v instanceof Value.Seq list)) throw refusals.refused(line, "metrics는 리스트 [...]여야 합니다");
        for (Value item : list.items()) {
            if (item instanceof Value.Metric) {
                metrics.add(item);
                continue;
            }
            if (item instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), "metrics: "));
            if (item instanceof Value.Str s && Metric.known(s.value()) != null) {
                metrics.add(new Value.Metric(s.value()));
                continue;
            }
            String function = item instanceof Value.Ref r && r.path().startsWith("keras.metrics.")
                    ? r.path().substring("keras.metrics.".length()) : null;
            if ("accuracy".equals(function)) {
                throw refusals.refused(line, "keras.metrics.accuracy 함수는 예측이 목표값과 똑같은지만 셉니다. 확률을 내는 모델에는"
                        + " 문자열 'accuracy'를 씁니다");
            }
            Metric.Measure measure = function == null || function.equals("acc") ? null : Metric.known(function);
            if (measure == null) {
                String name = item instanceof Value.Str s ? s.value() : function;
                throw refusals.refused(line, (name == null ? "이 지표" : "지표 '" + name + "'") + "는 놀이터에 없습니다. 쓸 수 있는"
                        + " 지표: " + METRICS_WE_HAVE);
            }
            metrics.add(new Value.Metric(measure.kerasName()));
        }
        return metrics;
    }
}
