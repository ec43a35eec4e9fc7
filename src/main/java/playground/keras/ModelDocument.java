package playground.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import playground.data.Datasets;
import playground.keras.Value.Data.Role;
import playground.keras.Value.Data;
import playground.keras.Value.Model;
import playground.keras.Value.Normalizer;
import playground.keras.Value.Problem;
import playground.document.InvalidConfigException;
import playground.document.RunSpec;

/**
 * The run document a model stands for at its first {@code model.fit}: its data set, layers, compile and fit
 * arguments, checked as the playground can run them. Not thread-safe.
 */
final class ModelDocument {
    /** Keras's {@code fit} parameters in their positional order. */
    private static final List<String> FIT_PARAMS = List.of("x", "y", "batch_size", "epochs", "verbose", "callbacks",
            "validation_split", "validation_data", "shuffle");

    private final Refusals refusals;
    private final DataSources sources;

    ModelDocument(Refusals refusals, DataSources sources) {
        this.refusals = refusals;
        this.sources = sources;
    }

    /** The first {@code model.fit(...)}: its document, or the model refused; {@code seed} from set_random_seed. */
    void fit(Model model, Args a, Long seed) {
        if (model.fitted) return;  // a second fit continues training: the first describes the run
        model.fitted = true;
        if (model.problem != null) return;
        try {
            model.document = document(model, a, seed);
        } catch (Refused e) {
            model.refuse(e.problem);
        }
    }

    private ObjectNode document(Model model, Args a, Long seed) {
        if (!model.compiled) throw refusals.refused(a.line, "model.fit 전에 model.compile(...)이 없습니다");
        for (String key : a.keywords.keySet()) {
            if (!FIT_PARAMS.contains(key) || key.equals("validation_data")) {
                throw refusals.refused(a.keywordLines.get(key), "model.fit의 " + key + "는 따라갈 수 없습니다. 놀이터가 따르는 것:"
                        + " epochs, batch_size, validation_split, shuffle, callbacks(EarlyStopping)");
            }
        }
        for (int i = 0; i < a.positional.size(); i++) {
            String p = i < FIT_PARAMS.size() ? FIT_PARAMS.get(i) : "?";
            if (Set.of("validation_data", "?").contains(p)) {
                throw refusals.refused(a.positionalLines.get(i), "model.fit의 " + (i + 1) + "번째 인자는 따라갈 수 없습니다");
            }
        }
        Value x = a.get(0, "x");
        Value y = a.get(1, "y");
        Data xs = data(x, "x", a.lineOf(0, "x"));
        Data ys = data(y, "y", a.lineOf(1, "y"));
        if (xs.role() != Role.X_TRAIN || ys.role() != Role.Y_TRAIN) {
            throw refusals.refused(a.line, "model.fit에는 훈련 데이터(X_train, y_train)를 넣어야 합니다. 놀이터는 테스트 데이터를"
                    + " 떼어 두고 훈련한 뒤 테스트 점수를 보여 줍니다");
        }
        if (!xs.dataset().equals(ys.dataset())) {
            throw refusals.refused(a.line, "X와 y가 서로 다른 데이터셋입니다 (" + xs.dataset() + ", " + ys.dataset() + ")");
        }
        String dataset = xs.dataset();
        int features = Datasets.info(dataset).orElseThrow().features().size();
        if (xs.scaledBy() != null) {
            Data on = xs.scaledBy().fittedOn;
            if (on == null || on.role() != Role.X_TRAIN || !on.dataset().equals(dataset)) {
                throw refusals.refused(a.lineOf(0, "x"), "StandardScaler는 훈련 데이터(X_train)로 fit해야 합니다. 놀이터의 정규화는"
                        + " 훈련 데이터의 평균과 분산을 씁니다");
            }
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode doc = f.objectNode();
        if (sources.generated.containsKey(dataset)) {
            ObjectNode d = doc.putObject("dataset");
            d.put("name", dataset);
            d.put("samples", (int) sources.generated.get(dataset)[0]);
            d.put("noise", sources.generated.get(dataset)[1]);
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
                if (!first || normalize) throw refusals.refused(in.line(), "Input은 모델의 맨 앞에만 둘 수 있습니다");
                checkShape(in.shape(), features, dataset, in.line());
                continue;
            }
            if (layer instanceof Normalizer norm) {
                if (!layers.isEmpty() || normalize) {
                    throw refusals.refused(norm.origin.line(), "Normalization은 모델의 맨 앞(Dense 층들보다 먼저)에만 둘 수 있습니다");
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
                putRegularizer(previous, "kernel_regularizer", dense.kernel());
                putRegularizer(previous, "bias_regularizer", dense.bias());
                continue;
            }
            if (layer instanceof Value.DropoutLayer drop) {
                first = false;
                previous = null;  // an activation layer after a Dropout has no Dense of its own to join
                layers.addObject().put("type", playground.vocabulary.Remedies.DROPOUT.type()).put("rate", drop.rate());
                continue;
            }
            Value.ActivationLayer act = (Value.ActivationLayer) layer;
            if (previous == null || !"linear".equals(previous.get("activation").asText())) {
                throw refusals.refused(act.line(), "활성화 층은 활성화가 없는 Dense 바로 뒤에만 둘 수 있습니다");
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
            throw refusals.refused(a.lineOf(1, "y"), ys.oneHot()
                    ? "keras.utils.to_categorical로 바꾼 목표값에는 loss='categorical_crossentropy'를 써야 합니다"
                    : "loss='categorical_crossentropy'에는 keras.utils.to_categorical(y_train)로 바꾼 목표값이 필요합니다");
        }

        ObjectNode fitNode = doc.putObject("fit");
        Value epochs = a.get(3, "epochs");
        fitNode.put("epochs", epochs == null ? 1 : refusals.integer(epochs, "epochs", a.lineOf(3, "epochs")));
        Value batch = a.get(2, "batch_size");
        fitNode.put("batch_size", batch == null || batch instanceof Value.NoneValue ? 32
                : refusals.integer(batch, "batch_size", a.lineOf(2, "batch_size")));
        Value split = a.get(6, "validation_split");
        fitNode.put("validation_split", split == null ? 0.0 : refusals.number(split, "validation_split", a.lineOf(6, "validation_split")));
        Value shuffle = a.get(8, "shuffle");
        fitNode.put("shuffle", shuffle == null || refusals.bool(shuffle, "shuffle", a.lineOf(8, "shuffle")));
        callbacks(fitNode, a.get(5, "callbacks"), a.lineOf(5, "callbacks"));
        try {
            RunSpec.from(doc);
        } catch (InvalidConfigException e) {
            throw refusals.refused(a.line, e.getMessage());
        }
        return doc;
    }

    private static void putRegularizer(ObjectNode layer, String field, Value.Regularizer r) {
        if (r != null) layer.putObject(field).put("l1", r.l1()).put("l2", r.l2());
    }

    /** {@code callbacks=[EarlyStopping(...)]}: its arguments become {@code fit.callbacks}; None or [] nothing. */
    private void callbacks(ObjectNode fit, Value callbacks, int line) {
        if (callbacks == null || callbacks instanceof Value.NoneValue) return;
        if (!(callbacks instanceof Value.Seq list)) {
            throw refusals.refused(line, "callbacks에는 콜백의 리스트 [...]를 넣어야 합니다 (예: callbacks=[early_stopping])");
        }
        ArrayNode out = fit.putArray("callbacks");
        for (Value item : list.items()) {
            if (item instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), "callbacks: "));
            if (!(item instanceof Value.EarlyStopping es)) {
                throw refusals.refused(line, "callbacks에는 keras.callbacks.EarlyStopping(...)만 넣을 수 있습니다");
            }
            ObjectNode cb = out.addObject().put("name", playground.vocabulary.Remedies.EARLY_STOPPING_NAME);
            es.args().forEach((k, v) -> {
                if (v instanceof Long n) cb.put(k, n);
                else if (v instanceof Double d) cb.put(k, d);
                else if (v instanceof Boolean b) cb.put(k, b);
                else cb.put(k, (String) v);
            });
        }
        if (out.isEmpty()) fit.remove("callbacks");
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
        throw refusals.refused(line, "입력 모양(input_shape)이 데이터와 맞지 않습니다. " + dataset + "의 특성은 " + features
                + "개입니다 (예: input_shape=(X_train.shape[1],))");
    }

    private Data data(Value v, String what, int line) {
        if (v instanceof Data d) return d;
        if (v instanceof Value.Unknown u && u.problem() != null) throw new Refused(Refusals.withPrefix(u.problem(), "model.fit의 " + what + ": "));
        throw refusals.refused(line, "model.fit의 " + what + "가 어느 데이터셋인지 알 수 없습니다");
    }
}
