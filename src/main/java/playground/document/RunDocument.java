package playground.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.data.InputFeatures;
import playground.engine.Examples;
import playground.engine.Loss;
import playground.engine.Metric;
import playground.vocabulary.LossType;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Param;
import playground.vocabulary.Task;
import playground.vocabulary.Vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a run document (RUN-CONFIG.md) into a {@link RunSpec}: every field against its rule (the names
 * and ranges of {@link Vocabulary}), then the rules across fields (the loss fits the data set's task, the last layer
 * fits the loss, validation_split leaves rows on both sides). Throws only {@link InvalidConfigException}. Stateless; safe to share between threads.
 */
public final class RunDocument {
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024;
    static final int MAX_NESTING = 16;
    static final int MAX_STRING = 256;
    public static final long MAX_SEED = Vocabulary.MAX_SEED;

    static final Set<String> ACTIVATIONS = new LinkedHashSet<>(Vocabulary.activationNames());
    static final Set<String> LOSSES = new LinkedHashSet<>(Vocabulary.lossNames());
    static final Set<String> OPTIMIZERS = new LinkedHashSet<>(Vocabulary.optimizerNames());

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

    public static JsonNode read(String json) throws InvalidConfigException {
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
        Long seed = root.has("seed") ? root.integer(Vocabulary.control("seed").value()) : null;
        ModelSpec model = model(new FieldReader(root.required("model"), "model"));
        CompileSpec compile = compile(root.has("compile") ? new FieldReader(root.get("compile"), "compile")
                : new FieldReader(root.required("compile"), "compile"), info, model);
        FitSpec fit = fit(root.has("fit") ? new FieldReader(root.get("fit"), "fit") : null, compile);
        int trainRows = Datasets.load(dataset.name(), dataset.samples(), dataset.noise()).train().rows();
        checkValidationSplit(fit, trainRows);
        return new RunSpec(dataset, seed, model, compile, fit);
    }

    /** Why an upload's name no longer works (or never did for this browser), told the same either way. */
    public static final String UPLOAD_GONE = "올린 CSV 데이터셋을 찾을 수 없습니다. 올린 CSV는 올린 브라우저에서만, 올린 뒤"
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
        r.allowOnly(Set.of("name", "samples", "noise", "features"));
        r.required("name");
        String name = r.string("name", null);
        if (Datasets.info(name).isEmpty()) {
            throw new InvalidConfigException("dataset.name", name.startsWith(Datasets.UPLOAD_PREFIX) ? UPLOAD_GONE : rule,
                    r.get("name").toString());
        }
        if (!Datasets.isGenerated(name)) {
            for (String field : List.of("samples", "noise", "features")) {
                if (r.has(field)) {
                    throw new InvalidConfigException("dataset." + field, "생성하는 2차원 데이터셋(circle, xor, gauss,"
                            + " spiral, moons, plane, multi_gauss)에만 쓸 수 있습니다. " + name + "은(는) 고정된 표입니다",
                            r.get(field).toString());
                }
            }
            return new DatasetSpec(name, null, null);
        }
        int samples = (int) r.integer(Vocabulary.control("samples").value()
                .withDefault((long) Datasets.defaultSamples(name)));
        double noise = r.number(Vocabulary.control("noise").value().withDefault(Datasets.defaultNoise(name)));
        return new DatasetSpec(name, samples, noise, r.has("features") ? features(r.get("features")) : null);
    }

    /** {@code dataset.features}: some of TensorFlow Playground's input features, each once. */
    static List<String> features(JsonNode node) throws InvalidConfigException {
        String rule = String.join(", ", InputFeatures.NAMES) + " 가운데 하나 이상을 한 번씩 고른 목록이어야 합니다";
        if (!node.isArray() || node.isEmpty()) throw new InvalidConfigException("dataset.features", rule, node.toString());
        List<String> features = new ArrayList<>();
        for (JsonNode item : node) {
            String name = item.isTextual() ? item.asText() : null;
            if (name == null || !InputFeatures.NAMES.contains(name) || features.contains(name)) {
                throw new InvalidConfigException("dataset.features", rule, item.toString());
            }
            features.add(name);
        }
        return features;
    }

    private static ModelSpec model(FieldReader r) throws InvalidConfigException {
        r.allowOnly(Set.of("normalize", "layers"));
        boolean normalize = (Boolean) r.value(Vocabulary.control("normalize").value());
        JsonNode layers = r.required("layers");
        if (!layers.isArray()) throw new InvalidConfigException("model.layers", "층 객체의 배열이어야 합니다", layers.toString());
        if (layers.size() < 1 || layers.size() > Vocabulary.MAX_LAYERS) {
            throw new InvalidConfigException("model.layers", "층은 1개 이상 " + Vocabulary.MAX_LAYERS + "개 이하여야 합니다",
                    layers.size() + "개");
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) specs.add(LayerDocument.read(layers.get(i), "model.layers[" + i + "]"));
        LayerDocument.checkOrder(specs);
        return new ModelSpec(normalize, specs);
    }

    private static CompileSpec compile(FieldReader r, DatasetInfo info, ModelSpec model) throws InvalidConfigException {
        r.allowOnly(Set.of("optimizer", "loss", "metrics"));
        OptimizerSpec optimizer = optimizer(r);
        String loss = r.choice("loss", LOSSES, null);
        boolean regression = DatasetInfo.REGRESSION.equals(info.task());
        Task task = Vocabulary.task(info.task());
        LossType type = Vocabulary.loss(loss).orElseThrow();
        if (!task.losses().contains(loss)) {
            String why = regression ? "회귀 데이터셋이라 " : type.engine().isRegression() ? "분류 데이터셋이라 "
                    : "클래스가 " + info.classes().size() + "개인 " + task.label() + "라 ";
            throw new InvalidConfigException("compile.loss", info.name() + "은(는) " + why + orList(task.losses(), "나 ")
                    + " 손실을 써야 합니다", "\"" + loss + "\"");
        }
        checkLastLayer(model, info, type, task);
        List<String> metrics = metrics(r, regression, type.engine());
        return new CompileSpec(optimizer, loss, metrics);
    }

    /** The last layer must produce what the loss compares with the targets ({@link LossType#output}). */
    private static void checkLastLayer(ModelSpec model, DatasetInfo info, LossType loss, Task task)
            throws InvalidConfigException {
        int last = model.layers().size() - 1;
        LayerSpec layer = model.layers().get(last);
        String path = "model.layers[" + last + "]";
        LossType.Output output = loss.output();
        String whose = loss.engine().isRegression() ? task.label() : loss.name();
        int units = output.units() != null ? output.units() : info.classes().size();
        if (layer.units() != units) {
            throw new InvalidConfigException(path + ".units", whose + "의 마지막 층은 " + loss.unitsWhy() + " units가 "
                    + (output.units() != null ? "" : "클래스 수 ") + units + "이어야 합니다", layer.units());
        }
        if (output.required() && !layer.activation().equals(output.activation())) {
            throw new InvalidConfigException(path + ".activation", whose + "의 마지막 층은 " + loss.activationWhy() + " "
                    + output.activation() + "여야 합니다", "\"" + layer.activation() + "\"");
        }
        // softmax over one unit always answers 1
        if (!output.required() && layer.activation().equals("softmax")) {
            throw new InvalidConfigException(path + ".activation", whose + "의 마지막 층에는 softmax를 쓸 수 없습니다 "
                    + "(출력이 늘 1이 됩니다). 보통 " + output.activation() + "를 씁니다", "\"softmax\"");
        }
    }

    /** "a, b나 c": Korean's "or" before the last of {@code names}, {@code or} being "나 " or "와 ". */
    static String orList(List<String> names, String or) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + or + names.get(names.size() - 1);
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
        OptimizerType type = Vocabulary.optimizer(r.choice("name", OPTIMIZERS, null)).orElseThrow();
        Set<String> allowed = new LinkedHashSet<>(List.of("name"));
        for (Param p : type.params()) allowed.add(p.name());
        r.allowOnly(allowed);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : type.params()) values.put(p.name(), r.value(p));
        return new OptimizerSpec(type.name(), values);
    }

    /** An optimizer with every hyper-parameter at its Keras default (learning rate too unless given). */
    static OptimizerSpec defaults(String name, Double learningRate) {
        return new OptimizerSpec(name, Vocabulary.optimizer(name).orElseThrow().defaults(learningRate));
    }

    private static FitSpec fit(FieldReader r, CompileSpec compile) throws InvalidConfigException {
        if (r == null) r = new FieldReader(JsonNodeFactory.instance.objectNode(), "fit");  // every field at its default
        r.allowOnly(Set.of("epochs", "batch_size", "validation_split", "shuffle", "callbacks"));
        int epochs = (int) r.integer(Vocabulary.control("epochs").value());
        int batchSize = (int) r.integer(Vocabulary.control("batch_size").value());
        double split = r.number(Vocabulary.control("validation_split").value());
        boolean shuffle = (Boolean) r.value(Vocabulary.control("shuffle").value());
        EarlyStoppingSpec early = CallbackDocument.read(r, compile, split > 0);
        return new FitSpec(epochs, batchSize, split, shuffle, early);
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
}
