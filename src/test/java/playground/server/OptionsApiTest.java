package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;
import playground.document.InvalidConfigException;
import playground.document.RunSpec;

/**
 * GET /api/options over a real server, held against the validator: every name it lists is accepted where it says,
 * names it does not list are refused, every control's path is the field the validator names.
 */
class OptionsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** A document that names every control's field: a generated regression set, Adam. */
    private static final String BASE = """
            {"dataset":{"name":"plane","samples":100,"noise":0.1,"features":["x1","x2"]},"seed":1,"model":{"normalize":false,"layers":[
            {"units":4,"activation":"relu"},{"units":1}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.01,
            "amsgrad":false},"loss":"mse","metrics":["mae"]},"fit":{"epochs":1,"batch_size":8,"validation_split":0.2,
            "shuffle":true}}""";
    @RegisterExtension
    static final RealSite server = RealSite.oneCourse().workers(1);
    static JsonNode options;

    @BeforeAll
    static void readOptions() throws Exception {
        HttpResponse<String> response = server.get("/api/options");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        options = JSON.readTree(response.body());
    }

    @Test
    void servesEveryListAndTheSameDataSetsAsApiDatasets() throws Exception {
        List<String> keys = new ArrayList<>();
        options.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("optimizers", "losses", "activations", "metrics", "layers", "controls", "input_features",
                "tasks", "regularizers", "callbacks", "modes", "model_download", "network_family", "estimator_families",
                "estimators", "preprocessors", "datasets"), keys);
        assertEquals(JSON.readTree(server.get("/api/datasets").body()), options.get("datasets"));
        JsonNode adam = find(options.get("optimizers"), "adam");
        assertEquals("Adam", adam.path("keras").asText());
        JsonNode rate = find(adam.get("params"), "learning_rate");
        assertEquals(0.001, rate.path("default").asDouble());
        assertTrue(rate.path("min_open").asBoolean());
        assertEquals("학습률", rate.path("label").asText());
        assertEquals(8, rate.path("choices").size());
        assertEquals("boolean", find(adam.get("params"), "amsgrad").path("kind").asText());
        assertEquals("회귀", options.at("/tasks/regression/label").asText());
        assertEquals("신경망", options.at("/network_family/label").asText(), "the picker's first family");
        ObjectNode network = (ObjectNode) options.at("/network_family/start").deepCopy();
        network.put("dataset", "boston_housing");
        ((com.fasterxml.jackson.databind.node.ArrayNode) network.at("/model/layers")).addObject().put("units", 1);
        ((ObjectNode) network.get("compile")).put("loss", options.at("/tasks/regression/default_loss").asText());
        assertEquals(200, server.post("/api/summary", network.toString()).statusCode(),
                "the starting network, with the output layer and loss the browser adds, is a valid document");
        assertEquals("k-평균", find(options.get("estimator_families"), "kmeans").path("label").asText());
        assertEquals("linear", options.at("/tasks/regression/output/activation").asText());
        assertEquals("classes", options.at("/tasks/multiclass/output/units").asText());
        assertTrue(find(options.get("metrics"), "mae").path("aliases").toString().contains("mean_absolute_error"));
        assertEquals("activations", options.at("/layers/0/params/1/from").asText());
    }

    @Test
    void everyOptimizerAndEachHyperParameterRangeIsTheValidatorsOwn() throws Exception {
        Set<String> allParams = new HashSet<>();
        for (JsonNode o : options.get("optimizers")) o.get("params").forEach(p -> allParams.add(p.path("name").asText()));
        for (JsonNode o : options.get("optimizers")) {
            String name = o.path("name").asText();
            accepted(with(BASE, "compile.optimizer", F.textNode(name)));
            Set<String> own = new HashSet<>();
            for (JsonNode p : o.get("params")) {
                String param = p.path("name").asText();
                own.add(param);
                String path = "compile.optimizer." + param;
                if (p.path("kind").asText().equals("boolean")) {
                    accepted(optimizer(name, param, F.booleanNode(true)));
                    refused(optimizer(name, param, F.textNode("yes")), path);
                    continue;
                }
                accepted(optimizer(name, param, p.get("default")));
                double min = p.path("min").asDouble(), max = p.path("max").asDouble();
                JsonNode atMin = F.numberNode(min), atMax = F.numberNode(max);
                if (p.path("min_open").asBoolean()) refused(optimizer(name, param, atMin), path);
                else accepted(optimizer(name, param, atMin));
                if (p.path("max_open").asBoolean()) refused(optimizer(name, param, atMax), path);
                else accepted(optimizer(name, param, atMax));
                refused(optimizer(name, param, F.numberNode(max + 1)), path);
            }
            for (String other : allParams) {
                if (!own.contains(other)) refused(optimizer(name, other, F.numberNode(0.5)), "compile.optimizer." + other);
            }
        }
        for (String unknown : List.of("nadam", "Adam", "ftrl", "")) {
            refused(with(BASE, "compile.optimizer", F.textNode(unknown)), "compile.optimizer");
            refused(optimizer(unknown, "learning_rate", F.numberNode(0.1)), "compile.optimizer.name");
        }
    }

    /** Each loss is accepted on the tasks it lists, with the output layer it asks for, and refused on the others. */
    @Test
    void everyLossFitsExactlyTheTasksItLists() throws Exception {
        for (String task : names(options.get("tasks"))) {
            JsonNode set = datasetOf(task);
            for (JsonNode loss : options.get("losses")) {
                String doc = document(set, loss.get("output"), loss.path("name").asText(), List.of());
                boolean listed = loss.get("tasks").toString().contains("\"" + task + "\"");
                if (listed) accepted(doc);
                else refused(doc, "compile.loss");
                assertEquals(listed, options.at("/tasks/" + task + "/losses").toString()
                        .contains("\"" + loss.path("name").asText() + "\""), task + " " + loss);
            }
            refused(document(set, options.at("/tasks/" + task + "/output"), "hinge", List.of()), "compile.loss");
        }
    }

    @Test
    void everyTaskAcceptsItsOwnOutputDefaultLossAndMetrics() throws Exception {
        for (String task : names(options.get("tasks"))) {
            JsonNode t = options.get("tasks").get(task);
            List<String> metrics = new ArrayList<>();
            t.get("metrics").forEach(m -> metrics.add(m.asText()));
            accepted(document(datasetOf(task), t.get("output"), t.path("default_loss").asText(), metrics));
            assertEquals(t.path("default_loss").asText(), t.get("losses").get(0).asText());
        }
    }

    @Test
    void everyActivationAndItsParametersAreAcceptedAndNoOther() throws Exception {
        for (JsonNode a : options.get("activations")) {
            String name = a.path("name").asText();
            accepted(with(BASE, "model.layers[0].activation", F.textNode(name)));
            if (a.get("params").isEmpty()) {
                refused(layer(name, "alpha", F.numberNode(0.1)), "model.layers[0].alpha");
            }
            for (JsonNode p : a.get("params")) {
                String param = p.path("name").asText();
                accepted(layer(name, param, p.get("default")));
                accepted(layer(name, param, p.get("max")));
                refused(layer(name, param, F.numberNode(p.path("max").asDouble() + 1)), "model.layers[0]." + param);
            }
        }
        refused(with(BASE, "model.layers[0].activation", F.textNode("gelu")), "model.layers[0].activation");
        JsonNode units = find(options.at("/layers/0/params"), "units");
        refused(with(BASE, "model.layers[0].units", F.numberNode(units.path("max").asInt() + 1)), "model.layers[0].units");
        // units' default is a new layer's; the document must still say how many
        refused(with(BASE, "model.layers[0]", F.objectNode().put("activation", "relu")), "model.layers[0].units");
    }

    /** Every name of every metric, on each task it lists, with one of that task's losses. */
    @Test
    void everyMetricNameIsAcceptedOnTheTasksItLists() throws Exception {
        for (JsonNode m : options.get("metrics")) {
            List<String> spellings = new ArrayList<>(List.of(m.path("name").asText()));
            m.get("aliases").forEach(a -> spellings.add(a.asText()));
            for (JsonNode task : m.get("tasks")) {
                for (String spelling : spellings) {
                    assertTrue(acceptedWithSomeLoss(task.asText(), spelling), spelling + " on " + task);
                }
            }
        }
        refused(with(BASE, "compile.metrics", F.arrayNode().add("f1_score")), "compile.metrics[0]");
    }

    /** A control's path is the field the validator names when that field is wrong. */
    @Test
    void everyControlPathIsTheFieldTheValidatorNames() throws Exception {
        accepted(BASE);
        for (JsonNode c : options.get("controls")) {
            String path = c.path("path").asText();
            String kind = c.path("kind").asText();
            assertTrue(Set.of("bool", "select", "number", "integer", "choice").contains(kind), c.toString());
            assertFalse(JSON.readTree(BASE).at(pointer(path)).isMissingNode(), path + " is in a document");
            refused(with(BASE, path, kind.equals("select") ? F.textNode("없는이름") : F.objectNode()), path);
            if (c.has("max")) {
                double max = c.path("max").asDouble();
                refused(with(BASE, path, F.numberNode(c.path("max_open").asBoolean() ? max : max + 1)), path);
            }
            if (c.has("from")) assertTrue(options.has(c.path("from").asText()), c.toString());
        }
    }

    /* ---------------- documents ---------------- */

    private static boolean acceptedWithSomeLoss(String task, String metric) throws Exception {
        for (JsonNode loss : options.get("tasks").get(task).get("losses")) {
            JsonNode output = find(options.get("losses"), loss.asText()).get("output");
            try {
                RunSpec.parse(document(datasetOf(task), output, loss.asText(), List.of(metric)));
                return true;
            } catch (InvalidConfigException e) {
                // another loss of the task may fit this metric's targets
            }
        }
        return false;
    }

    /** A bundled (not generated) set of the task, so the class count is the table's. */
    private static JsonNode datasetOf(String task) {
        for (JsonNode set : options.get("datasets")) {
            if (set.path("task").asText().equals(task) && !set.path("generated").asBoolean()) return set;
        }
        throw new AssertionError("no data set for " + task);
    }

    private static String document(JsonNode set, JsonNode output, String loss, List<String> metrics) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(BASE);
        doc.put("dataset", set.path("name").asText());
        ObjectNode last = ((ArrayNode) doc.at("/model/layers")).objectNode();
        JsonNode units = output.get("units");
        // "classes": one unit per class (a regression set has none; a per-class loss is refused there anyway)
        last.put("units", units.isTextual() ? Math.max(1, set.get("classes").size()) : units.asInt());
        last.put("activation", output.path("activation").asText());
        ((ArrayNode) doc.at("/model/layers")).set(1, last);
        ObjectNode compile = (ObjectNode) doc.get("compile");
        compile.put("loss", loss);
        ArrayNode m = compile.putArray("metrics");
        metrics.forEach(m::add);
        return doc.toString();
    }

    private static String optimizer(String name, String param, JsonNode value) throws Exception {
        ObjectNode o = F.objectNode().put("name", name);
        o.set(param, value);
        return with(BASE, "compile.optimizer", o);
    }

    private static String layer(String activation, String param, JsonNode value) throws Exception {
        return with(with(BASE, "model.layers[0].activation", F.textNode(activation)), "model.layers[0]." + param, value);
    }

    /** {@code json} with {@code value} at the dotted {@code path} ({@code model.layers[0].units}). */
    private static String with(String json, String path, JsonNode value) throws Exception {
        JsonNode doc = JSON.readTree(json);
        String pointer = pointer(path);
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = doc.at(pointer.substring(0, cut));
        String key = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode array) array.set(Integer.parseInt(key), value);
        else ((ObjectNode) parent).set(key, value);
        return doc.toString();
    }

    private static String pointer(String path) {
        return "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
    }

    private static void accepted(String json) throws Exception {
        try {
            RunSpec.parse(json);
        } catch (InvalidConfigException e) {
            fail(e.getMessage() + " in " + json);
        }
    }

    private static void refused(String json, String field) {
        try {
            RunSpec.parse(json);
            fail("accepted: " + json);
        } catch (InvalidConfigException e) {
            assertEquals(field, e.field(), e.getMessage() + " in " + json);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode item : list) if (item.path("name").asText().equals(name)) return item;
        throw new AssertionError("no " + name + " in " + list);
    }
}
