package playground.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.engine.Activation;
import playground.engine.Examples;
import playground.engine.Loss;
import playground.engine.Metric;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates a run document (RUN-CONFIG.md) into a {@link RunSpec}: every field against its rule, then the
 * rules across fields (the loss fits the data set's task, the last layer fits the loss, validation_split leaves rows
 * on both sides). Throws only {@link InvalidConfigException}. Stateless; safe to share between threads.
 */
final class RunDocument {
    static final int MAX_DOCUMENT_BYTES = 16 * 1024;
    static final int MAX_NESTING = 16;
    static final int MAX_STRING = 256;
    static final int MAX_LAYERS = 8;
    static final int MAX_UNITS = 512;
    static final int MAX_EPOCHS = 1000;
    static final int MAX_BATCH_SIZE = 4096;
    static final long MAX_SEED = 9_007_199_254_740_991L;  // 2^53 - 1: exact in JavaScript
    static final double MAX_LEARNING_RATE = 10;
    static final double MAX_ALPHA = 10;

    static final Set<String> ACTIVATIONS = names(Activation.values());
    static final Set<String> LOSSES = lossNames();
    static final Set<String> OPTIMIZERS = new LinkedHashSet<>(List.of("sgd", "rmsprop", "adam", "adagrad"));

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_STRING)
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .maxNumberLength(100)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private RunDocument() {}

    static JsonNode read(String json) throws InvalidConfigException {
        if (json == null || json.isBlank()) throw new InvalidConfigException("", "실행 문서가 비어 있습니다", InvalidConfigException.MISSING);
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw new InvalidConfigException("", "실행 문서는 " + MAX_DOCUMENT_BYTES + "바이트(16 KiB) 이하여야 합니다",
                    bytes + "바이트");
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonNode doc = MAPPER.readTree(parser);
            if (doc == null) throw new InvalidConfigException("", "실행 문서가 비어 있습니다", InvalidConfigException.MISSING);
            if (parser.nextToken() != null) {
                throw new InvalidConfigException("", "JSON 값 하나만 있어야 합니다 (뒤에 다른 내용이 있음)",
                        InvalidConfigException.MISSING);
            }
            return doc;
        } catch (StreamConstraintsException e) {
            throw new InvalidConfigException("", "JSON이 너무 큽니다: 중첩은 " + MAX_NESTING + "단계, 문자열은 "
                    + MAX_STRING + "자, 문서는 16 KiB까지입니다", InvalidConfigException.MISSING);
        } catch (JacksonException e) {
            String detail = e.getOriginalMessage();
            String rule = detail != null && detail.contains("Non-standard token")
                    ? "올바른 JSON이 아닙니다: NaN과 Infinity는 JSON 숫자가 아닙니다"
                    : detail != null && detail.contains("Duplicate field")
                    ? "올바른 JSON이 아닙니다: 같은 항목이 두 번 나옵니다"
                    : "올바른 JSON이 아닙니다";
            String where = e.getLocation() == null ? "" : " (" + e.getLocation().getLineNr() + "행 "
                    + e.getLocation().getColumnNr() + "열)";
            throw new InvalidConfigException("", rule + where, InvalidConfigException.MISSING);
        } catch (java.io.IOException e) {
            throw new InvalidConfigException("", "실행 문서를 읽을 수 없습니다", InvalidConfigException.MISSING);
        }
    }

    static RunSpec from(JsonNode doc) throws InvalidConfigException {
        FieldReader root = new FieldReader(doc, "");
        root.allowOnly(Set.of("dataset", "seed", "model", "compile", "fit"));
        DatasetSpec dataset = dataset(root.required("dataset"));
        DatasetInfo info = Datasets.info(dataset.name()).orElseThrow();
        Long seed = root.has("seed") ? root.integer("seed", 0, MAX_SEED, null) : null;
        ModelSpec model = model(new FieldReader(root.required("model"), "model"));
        CompileSpec compile = compile(root.has("compile") ? new FieldReader(root.get("compile"), "compile")
                : new FieldReader(root.required("compile"), "compile"), info, model);
        FitSpec fit = fit(root.has("fit") ? new FieldReader(root.get("fit"), "fit") : null);
        int trainRows = Datasets.load(dataset.name(), dataset.samples(), dataset.noise()).train().rows();
        checkValidationSplit(fit, trainRows);
        return new RunSpec(dataset, seed, model, compile, fit);
    }

    /** Why an upload's name no longer works (or never did for this browser), told the same either way. */
    static final String UPLOAD_GONE = "올린 CSV 데이터셋을 찾을 수 없습니다. 올린 CSV는 올린 브라우저에서만, 올린 뒤"
            + " 정해진 시간 동안만 쓸 수 있습니다. CSV를 다시 올려 주세요";

    /** The {@code dataset} field: a registered name, or an object with a generated set's samples and noise. */
    static DatasetSpec dataset(JsonNode node) throws InvalidConfigException {
        String rule = "등록된 데이터셋 이름이어야 합니다: " + String.join(", ", Datasets.names());
        if (node.isTextual()) {
            String name = node.asText();
            if (Datasets.info(name).isEmpty()) {
                throw new InvalidConfigException("dataset", name.startsWith(Datasets.UPLOAD_PREFIX) ? UPLOAD_GONE : rule,
                        node.toString());
            }
            return Datasets.isGenerated(name)
                    ? new DatasetSpec(name, Datasets.defaultSamples(name), Datasets.defaultNoise(name))
                    : new DatasetSpec(name, null, null);
        }
        if (!node.isObject()) {
            throw new InvalidConfigException("dataset", "데이터셋 이름(문자열)이나 {\"name\": ..., \"samples\": ..., "
                    + "\"noise\": ...} 객체여야 합니다", node.toString());
        }
        FieldReader r = new FieldReader(node, "dataset");
        r.allowOnly(Set.of("name", "samples", "noise"));
        r.required("name");
        String name = r.string("name", null);
        if (Datasets.info(name).isEmpty()) {
            throw new InvalidConfigException("dataset.name", name.startsWith(Datasets.UPLOAD_PREFIX) ? UPLOAD_GONE : rule,
                    r.get("name").toString());
        }
        if (!Datasets.isGenerated(name)) {
            for (String field : List.of("samples", "noise")) {
                if (r.has(field)) {
                    throw new InvalidConfigException("dataset." + field, "생성하는 2차원 데이터셋(circle, xor, gauss,"
                            + " spiral, moons, plane, multi_gauss)에만 쓸 수 있습니다. " + name + "은(는) 고정된 표입니다",
                            r.get(field).toString());
                }
            }
            return new DatasetSpec(name, null, null);
        }
        int samples = (int) r.integer("samples", Datasets.MIN_SAMPLES, Datasets.MAX_SAMPLES,
                (long) Datasets.defaultSamples(name));
        double noise = r.number("noise", Datasets.MIN_NOISE, false, Datasets.MAX_NOISE, false,
                Datasets.defaultNoise(name));
        return new DatasetSpec(name, samples, noise);
    }

    private static ModelSpec model(FieldReader r) throws InvalidConfigException {
        r.allowOnly(Set.of("normalize", "layers"));
        boolean normalize = r.bool("normalize", false);
        JsonNode layers = r.required("layers");
        if (!layers.isArray()) throw new InvalidConfigException("model.layers", "층 객체의 배열이어야 합니다", layers.toString());
        if (layers.size() < 1 || layers.size() > MAX_LAYERS) {
            throw new InvalidConfigException("model.layers", "층은 1개 이상 " + MAX_LAYERS + "개 이하여야 합니다",
                    layers.size() + "개");
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String path = "model.layers[" + i + "]";
            FieldReader l = new FieldReader(layers.get(i), path);
            l.allowOnly(Set.of("units", "activation", "alpha"));
            int units = (int) l.integer("units", 1, MAX_UNITS, null);
            String activation = l.choice("activation", ACTIVATIONS, "linear");
            Activation a = Activation.byName(activation);
            Double alpha = null;
            if (a.takesAlpha()) {
                alpha = l.number("alpha", 0, false, MAX_ALPHA, false, a.defaultAlpha());
            } else if (l.has("alpha")) {
                throw new InvalidConfigException(path + ".alpha", "alpha는 leaky_relu와 elu에만 쓸 수 있습니다",
                        l.get("alpha").toString());
            }
            specs.add(new LayerSpec(units, activation, alpha));
        }
        return new ModelSpec(normalize, specs);
    }

    private static CompileSpec compile(FieldReader r, DatasetInfo info, ModelSpec model) throws InvalidConfigException {
        r.allowOnly(Set.of("optimizer", "loss", "metrics"));
        OptimizerSpec optimizer = optimizer(r);
        String loss = r.choice("loss", LOSSES, null);
        boolean regression = DatasetInfo.REGRESSION.equals(info.task());
        Loss l = Loss.byName(loss);
        if (regression && !l.isRegression()) {
            throw new InvalidConfigException("compile.loss", info.name() + "은(는) 회귀 데이터셋이라 mse나 mae 손실을 써야"
                    + " 합니다", "\"" + loss + "\"");
        }
        if (!regression && l.isRegression()) {
            throw new InvalidConfigException("compile.loss", info.name() + "은(는) 분류 데이터셋이라 "
                    + (DatasetInfo.BINARY.equals(info.task()) ? "binary_crossentropy" : "sparse_categorical_crossentropy"
                    + "나 categorical_crossentropy") + " 손실을 써야 합니다", "\"" + loss + "\"");
        }
        if (DatasetInfo.MULTICLASS.equals(info.task()) && l == Loss.BINARY_CROSSENTROPY) {
            throw new InvalidConfigException("compile.loss", info.name() + "은(는) 클래스가 " + info.classes().size()
                    + "개인 다중 분류라 sparse_categorical_crossentropy나 categorical_crossentropy 손실을 써야 합니다",
                    "\"" + loss + "\"");
        }
        checkLastLayer(model, info, l);
        List<String> metrics = metrics(r, regression, l);
        return new CompileSpec(optimizer, loss, metrics);
    }

    /** The last layer must produce what the loss compares with the targets. */
    private static void checkLastLayer(ModelSpec model, DatasetInfo info, Loss loss) throws InvalidConfigException {
        int last = model.layers().size() - 1;
        LayerSpec layer = model.layers().get(last);
        String path = "model.layers[" + last + "]";
        int classes = info.classes().size();
        if (loss.isRegression()) {
            if (layer.units() != 1) {
                throw new InvalidConfigException(path + ".units", "회귀의 마지막 층은 예측값 하나를 내도록 units가 1이어야"
                        + " 합니다", layer.units());
            }
            if (layer.activation().equals("softmax")) {
                throw new InvalidConfigException(path + ".activation", "회귀의 마지막 층에는 softmax를 쓸 수 없습니다 "
                        + "(출력이 늘 1이 됩니다). 보통 linear를 씁니다", "\"softmax\"");
            }
        } else if (loss == Loss.BINARY_CROSSENTROPY) {
            if (layer.units() != 1) {
                throw new InvalidConfigException(path + ".units", "binary_crossentropy의 마지막 층은 확률 하나를 내도록"
                        + " units가 1이어야 합니다", layer.units());
            }
            if (!layer.activation().equals("sigmoid")) {
                throw new InvalidConfigException(path + ".activation", "binary_crossentropy의 마지막 층은 0과 1 사이"
                        + " 확률을 내도록 sigmoid여야 합니다", "\"" + layer.activation() + "\"");
            }
        } else {
            if (layer.units() != classes) {
                throw new InvalidConfigException(path + ".units", loss.kerasName() + "의 마지막 층은 클래스마다 확률"
                        + " 하나씩, units가 클래스 수 " + classes + "이어야 합니다", layer.units());
            }
            if (!layer.activation().equals("softmax")) {
                throw new InvalidConfigException(path + ".activation", loss.kerasName() + "의 마지막 층은 클래스별"
                        + " 확률을 내도록 softmax여야 합니다", "\"" + layer.activation() + "\"");
            }
        }
    }

    /** Metric names as Keras's compile takes them (kept as written: they are the History keys). */
    private static List<String> metrics(FieldReader r, boolean regression, Loss loss) throws InvalidConfigException {
        if (!r.has("metrics")) return List.of();
        JsonNode node = r.get("metrics");
        if (!node.isArray()) {
            throw new InvalidConfigException("compile.metrics", "지표 이름의 배열이어야 합니다 (예: [\"mae\"])",
                    node.toString());
        }
        List<String> metrics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "compile.metrics[" + i + "]";
            JsonNode m = node.get(i);
            Metric.Measure measure = m.isTextual() ? Metric.measure(m.asText(), loss) : null;
            if (measure == null) {
                throw new InvalidConfigException(path, "Keras의 지표 이름이어야 합니다: " + String.join(", ",
                        Metric.commonNames()) + " (MAE, mean_absolute_error, MeanAbsoluteError 같은 다른 표기도 됩니다)",
                        m.toString());
            }
            String name = m.asText();
            if (!seen.add(name)) throw new InvalidConfigException(path, "같은 지표가 두 번 있습니다", m.toString());
            if (regression && measure.isAccuracy()) {
                throw new InvalidConfigException(path, name + "는 분류 데이터셋에만 쓸 수 있습니다. 회귀에는 mae나 mse를"
                        + " 씁니다", m.toString());
            }
            // Keras compares an error metric with the targets unit by unit: fine for 0/1 and one-hot targets, but
            // against class indices it would subtract a class number from each probability.
            if (loss.sparseTargets() && !measure.isAccuracy()) {
                throw new InvalidConfigException(path, name + "는 정수 레이블(sparse_categorical_crossentropy)에는 쓸 수"
                        + " 없습니다. 확률에서 클래스 번호를 빼게 됩니다. 분류에는 accuracy를 씁니다", m.toString());
            }
            Metric.Measure fits = Metric.Measure.accuracyFor(loss);
            if (measure.isAccuracy() && measure != fits) {
                throw new InvalidConfigException(path, name + "는 " + loss.kerasName() + "와 목표값의 모양이 맞지 않습니다."
                        + " 이 손실에는 accuracy(또는 " + fits.kerasName() + ")를 씁니다", m.toString());
            }
            metrics.add(name);
        }
        return metrics;
    }

    private static OptimizerSpec optimizer(FieldReader compile) throws InvalidConfigException {
        JsonNode node = compile.required("optimizer");
        String path = "compile.optimizer";
        String rule = "다음 가운데 하나여야 합니다: " + String.join(", ", OPTIMIZERS);
        if (node.isTextual()) {
            if (!OPTIMIZERS.contains(node.asText())) throw new InvalidConfigException(path, rule, node.toString());
            return defaults(node.asText(), null);
        }
        FieldReader r = new FieldReader(node, path);
        String name = r.choice("name", OPTIMIZERS, null);
        Set<String> allowed = switch (name) {
            case "sgd" -> Set.of("name", "learning_rate", "momentum", "nesterov");
            case "rmsprop" -> Set.of("name", "learning_rate", "rho", "epsilon");
            case "adam" -> Set.of("name", "learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad");
            default -> Set.of("name", "learning_rate", "epsilon");
        };
        r.allowOnly(allowed);
        OptimizerSpec d = defaults(name, null);
        double lr = r.positiveFloat("learning_rate", MAX_LEARNING_RATE, d.learning_rate());
        return switch (name) {
            case "sgd" -> new OptimizerSpec(name, lr, r.number("momentum", 0, false, 1, true, d.momentum()),
                    r.bool("nesterov", d.nesterov()), null, null, null, null, null);
            case "rmsprop" -> new OptimizerSpec(name, lr, null, null, r.number("rho", 0, false, 1, true, d.rho()),
                    null, null, r.positiveFloat("epsilon", 1, d.epsilon()), null);
            case "adam" -> new OptimizerSpec(name, lr, null, null, null,
                    r.number("beta_1", 0, false, 1, true, d.beta_1()), r.number("beta_2", 0, false, 1, true, d.beta_2()),
                    r.positiveFloat("epsilon", 1, d.epsilon()), r.bool("amsgrad", d.amsgrad()));
            default -> new OptimizerSpec(name, lr, null, null, null, null, null,
                    r.positiveFloat("epsilon", 1, d.epsilon()), null);
        };
    }

    /** An optimizer with every hyper-parameter at its Keras default (learning rate too unless given). */
    static OptimizerSpec defaults(String name, Double learningRate) {
        return switch (name) {
            case "sgd" -> new OptimizerSpec(name, learningRate != null ? learningRate : playground.engine.Sgd.DEFAULT_LEARNING_RATE,
                    0.0, false, null, null, null, null, null);
            case "rmsprop" -> new OptimizerSpec(name, learningRate != null ? learningRate
                    : playground.engine.RmsProp.DEFAULT_LEARNING_RATE, null, null,
                    playground.engine.RmsProp.DEFAULT_RHO, null, null, playground.engine.RmsProp.DEFAULT_EPSILON, null);
            case "adam" -> new OptimizerSpec(name, learningRate != null ? learningRate
                    : playground.engine.Adam.DEFAULT_LEARNING_RATE, null, null, null,
                    playground.engine.Adam.DEFAULT_BETA_1, playground.engine.Adam.DEFAULT_BETA_2,
                    playground.engine.Adam.DEFAULT_EPSILON, false);
            default -> new OptimizerSpec(name, learningRate != null ? learningRate
                    : playground.engine.Adagrad.DEFAULT_LEARNING_RATE, null, null, null, null, null,
                    playground.engine.Adagrad.DEFAULT_EPSILON, null);
        };
    }

    private static FitSpec fit(FieldReader r) throws InvalidConfigException {
        if (r == null) return new FitSpec(1, 32, 0.0, true);
        r.allowOnly(Set.of("epochs", "batch_size", "validation_split", "shuffle"));
        int epochs = (int) r.integer("epochs", 1, MAX_EPOCHS, 1L);
        int batchSize = (int) r.integer("batch_size", 1, MAX_BATCH_SIZE, 32L);
        double split = r.number("validation_split", 0, false, 1, true, 0.0);
        boolean shuffle = r.bool("shuffle", true);
        return new FitSpec(epochs, batchSize, split, shuffle);
    }

    private static void checkValidationSplit(FitSpec fit, int trainRows) throws InvalidConfigException {
        double split = fit.validation_split();
        if (split == 0) return;
        int splitAt = Examples.splitAt(trainRows, split);
        if (splitAt < 1 || splitAt >= trainRows) {
            throw new InvalidConfigException("fit.validation_split", "훈련 행과 검증 행이 모두 1개 이상 남아야 합니다."
                    + " 훈련 데이터 " + trainRows + "행을 나누면 훈련 " + splitAt + "행, 검증 " + (trainRows - splitAt)
                    + "행이 됩니다", FieldReader.plain(split));
        }
    }

    private static Set<String> names(Activation[] values) {
        Set<String> s = new LinkedHashSet<>();
        for (Activation a : values) s.add(a.kerasName());
        return s;
    }

    private static Set<String> lossNames() {
        Set<String> s = new LinkedHashSet<>();
        for (Loss l : Loss.values()) s.add(l.kerasName());
        return s;
    }
}
