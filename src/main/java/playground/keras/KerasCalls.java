package playground.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import playground.keras.Value.Data;
import playground.keras.Value.Data.Role;
import playground.keras.Value.Model;
import playground.keras.Value.Normalizer;

/**
 * What the Keras, NumPy, pandas and scikit-learn calls a lesson makes stand for, once {@link KerasReader} has
 * evaluated their arguments: a model's methods (add, compile, fit …), a normaliser's adapt, a scaler's fit and
 * transform, and the module functions ({@code keras.Sequential}, {@code keras.layers.*}, data loaders, the seed).
 * The layers, optimizers and losses themselves are {@link KerasObjects}'; the data {@link DataSources}'. One
 * instance per reader; not thread-safe.
 */
final class KerasCalls {
    final List<Model> models = new ArrayList<>();
    private final Refusals refusals;
    private final KerasObjects objects;
    private final DataSources sources;
    private final ModelDocument documents;
    /** The seed {@code keras.utils.set_random_seed} set, if it ran before a fit. */
    private Long seed;

    KerasCalls(Refusals refusals, KerasObjects objects, DataSources sources, ModelDocument documents) {
        this.refusals = refusals;
        this.objects = objects;
        this.sources = sources;
        this.documents = documents;
    }

    Value method(Value.Method m, Args a) {
        if (m.self() instanceof Model model) {
            switch (m.name()) {
                case "add" -> {
                    Value layer = a.get(0, "layer");
                    addLayer(model, layer == null ? new Value.NoneValue() : layer, a.lineOf(0, "layer"));
                    return new Value.NoneValue();
                }
                case "compile" -> {
                    objects.compile(model, a);
                    return new Value.NoneValue();
                }
                case "fit" -> {
                    documents.fit(model, a, seed);
                    return new Value.Unknown(null);
                }
                case "pop" -> {
                    model.refuse(refusals.problem(a.line, "model.pop()으로 층을 빼는 것은 따라갈 수 없습니다"));
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
                            ? Refusals.withPrefix(u.problem(), "adapt에 넣은 데이터: ")
                            : refusals.problem(a.line, "adapt에 넣은 데이터가 어느 데이터셋인지 알 수 없습니다");
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

    private void addLayer(Model model, Value layer, int line) {
        if (layer instanceof Normalizer || layer instanceof Value.DenseLayer || layer instanceof Value.InputLayer
                || layer instanceof Value.ActivationLayer || layer instanceof Value.DropoutLayer) {
            model.layers.add(layer);
        } else if (layer instanceof Value.Activation act) {
            model.layers.add(new Value.ActivationLayer(act, line));
        } else if (layer instanceof Value.Unknown u && u.problem() != null) {
            model.refuse(u.problem());
        } else {
            model.refuse(refusals.problem(line, "모델에 넣은 이 값이 어떤 층인지 알 수 없습니다. 쓸 수 있는 층: " + KerasObjects.LAYERS_WE_HAVE));
        }
    }

    Value refCall(String path, Args a) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (path.equals("keras.Sequential")) return sequential(a);
        if (Set.of("keras.Model", "keras.models.load_model", "keras.models.clone_model",
                "keras.models.model_from_json").contains(path)) {
            Model model = new Model(refusals.problem(a.line, path));
            model.refuse(refusals.problem(a.line, "keras." + last + "(...)로 만든 모델은 따라갈 수 없습니다. keras.Sequential([...])로"
                    + " 층을 차례로 쌓은 모델만 실행할 수 있습니다"));
            models.add(model);
            return model;
        }
        if (path.startsWith("keras.layers.")) return objects.layer(last, a);
        if (path.equals("keras.Input")) return objects.input(a);
        if (path.startsWith("keras.optimizers.")) return objects.optimizer(last, a);
        if (path.startsWith("keras.regularizers.")) return objects.remedies.regularizerCall(last, a);
        if (path.startsWith("keras.callbacks.")) return objects.remedies.callback(last, a);
        if (path.startsWith("keras.losses.") && Character.isUpperCase(last.charAt(0))) return objects.lossObject(last, a);
        if (path.startsWith("keras.metrics.") && Character.isUpperCase(last.charAt(0))) return objects.metricObject(last, a);
        if (path.startsWith("keras.datasets.") && last.equals("load_data")) return sources.kerasDataset(path, a);
        if (path.startsWith("sklearn.datasets.")) return sources.sklearnDataset(last, a);
        if (path.equals("sklearn.model_selection.train_test_split")) return sources.trainTestSplit(a);
        if (path.equals("keras.utils.to_categorical")) {
            Value y = a.get(0, "y");
            if (y instanceof Data d && Set.of(Role.Y, Role.Y_TRAIN, Role.Y_TEST).contains(d.role())) {
                return new Data(d.dataset(), d.role(), true, d.scaledBy());
            }
            return KerasReader.unknownFrom(refusals, y == null ? new Value.NoneValue() : y, a.line);
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
        if (path.equals("pandas.read_csv")) return sources.readCsv(a);
        if (path.equals("sklearn.preprocessing.StandardScaler")) {
            for (String key : a.keywords.keySet()) {
                if (!(a.keywords.get(key) instanceof Value.Bool b && b.value()) || !Set.of("with_mean", "with_std").contains(key)) {
                    throw refusals.refused(a.keywordLines.get(key), "StandardScaler의 " + key + "는 따라갈 수 없습니다");
                }
            }
            return new Value.Scaler();
        }
        return new Value.Unknown(null);
    }

    private Value sequential(Args a) {
        Model model = new Model(refusals.problem(a.line, "keras.Sequential"));
        models.add(model);
        Value layers = a.get(0, "layers");
        String unexpected = a.unexpected(Set.of("layers", "name", "trainable"));
        if (unexpected != null) {
            model.refuse(refusals.problem(a.keywordLines.get(unexpected), "keras.Sequential의 " + unexpected
                    + " 인자는 따라갈 수 없습니다"));
        }
        if (layers instanceof Value.Seq list) {
            List<Integer> lines = itemLines(a, list);
            for (int i = 0; i < list.items().size(); i++) addLayer(model, list.items().get(i), lines.get(i));
        } else if (layers != null && !(layers instanceof Value.NoneValue)) {
            model.refuse(layers instanceof Value.Unknown u && u.problem() != null ? u.problem()
                    : refusals.problem(a.lineOf(0, "layers"), "keras.Sequential에는 층의 리스트 [...]를 넣어야 합니다"));
        }
        return model;
    }

    /** Lines of a list literal's items when the call wrote the list literally, else the call's line. */
    private List<Integer> itemLines(Args a, Value.Seq list) {
        List<Integer> lines = new ArrayList<>();
        for (Value item : list.items()) {
            lines.add(item instanceof Value.DenseLayer d ? d.line() : item instanceof Value.InputLayer in ? in.line()
                    : item instanceof Value.DropoutLayer drop ? drop.line()
                    : item instanceof Normalizer n ? n.origin.line() : a.lineOf(0, "layers"));
        }
        return lines;
    }
}
