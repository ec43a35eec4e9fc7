package playground;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run document for tests, edited by what changes rather than by string replacement: a typo'd field in a
 * {@code String.replace} left the document as it was and the test passed anyway; here every edit names a path
 * ({@code "fit.epochs"}, {@code "model.layers[1].units"}) that must exist, or an {@link IllegalArgumentException}
 * names it. Each edit returns a new document, so a shared constant is never changed under another test.
 */
public final class RunDoc {
    /** Decimals read and written as plain text (0.000001, not 1.0E-6), as a lesson's author would write them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final String NOTES = resource("/runs/notes-boston.json");

    private final ObjectNode root;

    private RunDoc(ObjectNode root) {
        this.root = root;
    }

    /** The course notes' Boston run (src/main/resources/runs/notes-boston.json, as RUN-CONFIG.md shows it). */
    public static RunDoc notes() {
        return of(NOTES);
    }

    /** A copy of {@code json}, which must be a JSON object. */
    public static RunDoc of(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode object)) throw new IllegalArgumentException("not a JSON object: " + json);
            return new RunDoc(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public RunDoc epochs(int epochs) {
        return set("fit.epochs", epochs);
    }

    public RunDoc batchSize(int batchSize) {
        return set("fit.batch_size", batchSize);
    }

    public RunDoc validationSplit(double split) {
        return set("fit.validation_split", split);
    }

    public RunDoc seed(long seed) {
        return set("seed", seed);
    }

    public RunDoc normalize(boolean normalize) {
        return set("model.normalize", normalize);
    }

    /** Units of layer {@code layer} (0 is the first Dense layer). */
    public RunDoc units(int layer, Object units) {
        return set("model.layers[" + layer + "].units", units);
    }

    public RunDoc activation(int layer, String activation) {
        return set("model.layers[" + layer + "].activation", activation);
    }

    /** The optimizer replaced whole: its name and learning rate, every other parameter at Keras' default. */
    public RunDoc optimizer(String name, double learningRate) {
        return set("compile.optimizer", JSON.createObjectNode().put("name", name).set("learning_rate", node(learningRate)));
    }

    public RunDoc learningRate(Object learningRate) {
        return set("compile.optimizer.learning_rate", learningRate);
    }

    public RunDoc loss(String loss) {
        return set("compile.loss", loss);
    }

    /** A bundled or generated data set by name. */
    public RunDoc dataset(String name) {
        return set("dataset", name);
    }

    /** A generated data set with its size and noise. */
    public RunDoc dataset(String name, int samples, double noise) {
        return set("dataset", JSON.createObjectNode().put("name", name).put("samples", samples).set("noise", node(noise)));
    }

    /** Only the output layer left: a linear model of the inputs. */
    public RunDoc withoutHiddenLayers() {
        ArrayNode layers = (ArrayNode) at("model.layers");
        if (layers.size() < 2) throw new IllegalArgumentException("model.layers: no hidden layer to remove");
        ArrayNode output = JSON.createArrayNode().add(layers.get(layers.size() - 1));
        return set("model.layers", output);
    }

    /** Layer {@code index} replaced by {@code layerJson}, one layer object. */
    public RunDoc layer(int index, String layerJson) {
        return set("model.layers[" + index + "]", parse(layerJson));
    }

    /** Layer {@code index} replaced by the layers of {@code layersJson}, a JSON array: none, one or several. */
    public RunDoc spliceLayers(int index, String layersJson) {
        at("model.layers[" + index + "]");
        ArrayNode layers = (ArrayNode) at("model.layers");
        ArrayNode spliced = JSON.createArrayNode();
        for (int i = 0; i < layers.size(); i++) {
            if (i == index) spliced.addAll((ArrayNode) parse(layersJson));
            else spliced.add(layers.get(i));
        }
        return set("model.layers", spliced);
    }

    /** The layers replaced by {@code layersJson}, a JSON array of layer objects. */
    public RunDoc layers(String layersJson) {
        return set("model.layers", parse(layersJson));
    }

    /** Sets the value at {@code path}, which must already exist. A {@link JsonNode} goes in as it is. */
    public RunDoc set(String path, Object value) {
        return put(path, node(value), true);
    }

    /** Adds a field the document does not have yet; its parent must exist and the field must not. */
    public RunDoc add(String path, Object value) {
        return put(path, node(value), false);
    }

    /** Sets an existing path to JSON text as it is ({@code NaN}, {@code 1e999}), for the parser's own checks. */
    public RunDoc raw(String path, String literal) {
        return put(path, JsonNodeFactory.instance.rawValueNode(new RawValue(literal)), true);
    }

    /** Removes the field or element at {@code path}, which must exist. */
    public RunDoc remove(String path) {
        return edit(path, true, (parent, last) -> {
            if (parent instanceof ObjectNode object) object.remove(last.name);
            else ((ArrayNode) parent).remove(last.index);
        });
    }

    /** The value at {@code path}, which must exist. */
    public JsonNode at(String path) {
        JsonNode node = root;
        for (Step step : steps(path)) node = child(node, step, path);
        return node.deepCopy();
    }

    public String json() {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return json();
    }

    private RunDoc put(String path, JsonNode value, boolean mustExist) {
        return edit(path, mustExist, (parent, last) -> {
            if (parent instanceof ObjectNode object) object.set(last.name, value);
            else ((ArrayNode) parent).set(last.index, value);
        });
    }

    private interface Change {
        void apply(JsonNode parent, Step last);
    }

    /** Applies {@code change} to a copy, after checking that the last step exists (or, for an addition, does not). */
    private RunDoc edit(String path, boolean mustExist, Change change) {
        ObjectNode copy = root.deepCopy();
        List<Step> steps = steps(path);
        JsonNode parent = copy;
        for (Step step : steps.subList(0, steps.size() - 1)) parent = child(parent, step, path);
        Step last = steps.get(steps.size() - 1);
        boolean exists = last.name != null ? parent instanceof ObjectNode && parent.has(last.name)
                : parent instanceof ArrayNode && last.index < parent.size();
        if (mustExist && !exists) throw new IllegalArgumentException(path + ": not in the document " + json());
        if (!mustExist && exists) throw new IllegalArgumentException(path + ": already in the document, use set");
        if (!mustExist && !(parent instanceof ObjectNode)) throw new IllegalArgumentException(path + ": parent is not an object");
        change.apply(parent, last);
        return new RunDoc(copy);
    }

    private JsonNode child(JsonNode node, Step step, String path) {
        JsonNode child = step.name != null ? (node instanceof ObjectNode ? node.get(step.name) : null)
                : (node instanceof ArrayNode ? node.get(step.index) : null);
        if (child == null) throw new IllegalArgumentException(path + ": not in the document " + json());
        return child;
    }

    private record Step(String name, int index) {}

    private static List<Step> steps(String path) {
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        int end = 0;
        while (m.find() && m.start() == end) {
            steps.add(m.group(1) != null ? new Step(m.group(1), -1) : new Step(null, Integer.parseInt(m.group(2))));
            end = m.end();
            if (end < path.length() && path.charAt(end) == '.') end++;
        }
        if (steps.isEmpty() || end != path.length()) throw new IllegalArgumentException(path + ": not a path like fit.epochs or model.layers[0].units");
        return steps;
    }

    private static JsonNode node(Object value) {
        if (value instanceof JsonNode node) return node.deepCopy();
        if (value == null) return JsonNodeFactory.instance.nullNode();
        if (value instanceof Double d && Double.isFinite(d)) return JsonNodeFactory.instance.numberNode(java.math.BigDecimal.valueOf(d));
        return JSON.valueToTree(value);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = RunDoc.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
