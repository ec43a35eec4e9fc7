package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scikit-learn part of GET /api/options, over a real server, held against the estimators themselves: every
 * declared default is what the estimator uses when the param is left out, and every declared range is the one the
 * estimator enforces (a value just outside is a 400 naming {@code model.params.X}).
 */
class EstimatorOptionsTest extends EstimatorServerTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static JsonNode options;

    @BeforeAll
    static void readOptions() throws Exception {
        options = JSON.readTree(server.get("/api/options").body());
    }

    @Test
    void listsEveryFamilyEstimatorAndPreprocessorWithKoreanLabels() {
        List<String> families = new ArrayList<>();
        options.get("estimator_families").forEach(f -> families.add(f.path("name").asText()));
        assertEquals(List.of("linear", "knn", "tree", "forest", "adaboost", "kmeans"), families);
        assertEquals("k-최근접 이웃", options.at("/estimator_families/1/label").asText());
        JsonNode knn = find(options.get("estimators"), "KNeighborsClassifier");
        assertEquals("knn", knn.path("family").asText());
        assertEquals("classification", knn.path("task").asText());
        assertEquals("k-최근접 이웃 (분류)", knn.path("label").asText());
        assertEquals("n_neighbors", knn.path("sweep").asText());
        assertTrue(knn.path("staged").isNull());
        JsonNode k = find(knn.get("params"), "n_neighbors");
        assertEquals("int", k.path("kind").asText());
        assertEquals(5, k.path("default").asInt());
        assertEquals(1, k.path("min").asInt());
        assertEquals("tree", find(options.get("estimators"), "RandomForestClassifier").path("staged").asText());
        assertEquals("round", find(options.get("estimators"), "AdaBoostClassifier").path("staged").asText());
        assertEquals("depth", find(options.get("estimators"), "DecisionTreeClassifier").path("staged").asText());
        JsonNode kmeans = find(options.get("estimators"), "KMeans");
        assertEquals("clustering", kmeans.path("task").asText());
        assertEquals("n_clusters", kmeans.path("sweep").asText());
        assertEquals("seed", find(kmeans.get("params"), "random_state").path("kind").asText());
        assertEquals("sqrt", find(find(options.get("estimators"), "RandomForestClassifier").get("params"), "max_features")
                .path("default").asText());
        assertEquals(3, options.get("preprocessors").size());
        assertEquals(2, find(find(options.get("preprocessors"), "PolynomialFeatures").get("params"), "degree")
                .path("default").asInt());
        for (JsonNode e : options.get("estimators")) {
            assertTrue(e.path("label").asText().matches(".*[가-힣].*"), e.toString());
            e.get("params").forEach(p -> assertTrue(p.path("label").asText().matches(".*[가-힣].*"), p.toString()));
        }
    }

    /** Each estimator with every declared param written out at its declared default fits as it does without them. */
    @Test
    void everyDeclaredDefaultIsTheEstimatorsOwn() throws Exception {
        for (JsonNode e : options.get("estimators")) {
            ObjectNode bare = document(e), full = bare.deepCopy();
            ObjectNode params = ((ObjectNode) full.get("model")).putObject("params");
            e.get("params").forEach(p -> params.set(p.path("name").asText(), p.get("default")));
            JsonNode a = train(bare), b = train(full);
            String key = e.path("task").asText().equals("clustering") ? "inertia" : "score";
            assertFalse(a.path(key).isMissingNode(), a.toString());
            assertEquals(a.get(key), b.get(key), e.path("name").asText());
        }
        for (JsonNode pre : options.get("preprocessors")) {
            ObjectNode bare = preprocessed(pre), full = bare.deepCopy();
            ObjectNode step = (ObjectNode) full.at("/model/preprocess/0");
            pre.get("params").forEach(p -> step.set(p.path("name").asText(), p.get("default")));
            assertEquals(train(bare).get("score"), train(full).get("score"), pre.path("name").asText());
        }
    }

    /** A value just outside each declared range (or of the wrong kind) is refused, naming that param. */
    @Test
    void everyDeclaredRangeIsEnforcedNamingTheParam() throws Exception {
        int checked = 0;
        for (JsonNode e : options.get("estimators")) {
            for (JsonNode p : e.get("params")) {
                for (JsonNode bad : outside(p)) {
                    ObjectNode doc = document(e);
                    ((ObjectNode) doc.get("model")).putObject("params").set(p.path("name").asText(), bad);
                    refused(doc, "model.params." + p.path("name").asText());
                    checked++;
                }
            }
        }
        for (JsonNode pre : options.get("preprocessors")) {
            for (JsonNode p : pre.get("params")) {
                for (JsonNode bad : outside(p)) {
                    ObjectNode doc = preprocessed(pre);
                    ((ObjectNode) doc.at("/model/preprocess/0")).set(p.path("name").asText(), bad);
                    refused(doc, "model.preprocess[0]." + p.path("name").asText());
                    checked++;
                }
            }
        }
        assertTrue(checked > 80, "checked " + checked);
    }

    @Test
    void aPipelineHasAtMostFiveSteps() throws Exception {
        ObjectNode doc = preprocessed(find(options.get("preprocessors"), "StandardScaler"));
        var steps = (com.fasterxml.jackson.databind.node.ArrayNode) doc.at("/model/preprocess");
        for (int i = 0; i < 5; i++) steps.addObject().put("name", "StandardScaler");
        refused(doc, "model.preprocess");
        steps.remove(0);
        assertEquals(5, steps.size());
        train(doc);
    }

    /** Values the declaration rules out: below min (or at an open min), above max, and of the wrong kind. */
    private static List<JsonNode> outside(JsonNode p) {
        List<JsonNode> bad = new ArrayList<>();
        String kind = p.path("kind").asText();
        switch (kind) {
            case "int", "seed" -> {
                bad.add(F.numberNode(p.path("min").asLong() - 1));
                if (p.has("max")) bad.add(F.numberNode(p.path("max").asLong() + 1));
                bad.add(F.textNode("열"));
            }
            case "number" -> {
                double min = p.path("min").asDouble();
                bad.add(F.numberNode(p.path("min_open").asBoolean() ? min : min - 1));
                if (p.has("max")) bad.add(F.numberNode(p.path("max").asDouble() + 1));
                bad.add(F.textNode("열"));
            }
            case "choice" -> bad.add(F.textNode("없는 값"));
            case "bool" -> bad.add(F.textNode("yes"));
            case "range" -> bad.add(F.arrayNode().add(1).add(0));
            default -> throw new AssertionError("unknown kind " + kind);
        }
        return bad;
    }

    private static ObjectNode document(JsonNode estimator) {
        ObjectNode doc = F.objectNode().put("seed", 4);
        String task = estimator.path("task").asText();
        ObjectNode dataset = doc.putObject("dataset").put("name", task.equals("regression") ? "diabetes" : "iris");
        if (!task.equals("clustering")) dataset.putObject("split").put("test_size", 0.2).put("random_state", 5);
        doc.putObject("model").put("estimator", estimator.path("name").asText());
        return doc;
    }

    private static ObjectNode preprocessed(JsonNode preprocessor) {
        ObjectNode doc = F.objectNode().put("seed", 4);
        doc.putObject("dataset").put("name", "diabetes").putObject("split").put("test_size", 0.2).put("random_state", 5);
        ObjectNode model = doc.putObject("model").put("estimator", "Ridge");
        model.putArray("preprocess").addObject().put("name", preprocessor.path("name").asText());
        return doc;
    }

    private static JsonNode train(JsonNode doc) throws Exception {
        HttpResponse<String> response = server.post("/api/train", doc.toString());
        assertEquals(200, response.statusCode(), doc + " → " + response.body());
        return JSON.readTree(response.body());
    }

    private static void refused(JsonNode doc, String field) throws Exception {
        HttpResponse<String> response = server.post("/api/train", doc.toString());
        assertEquals(400, response.statusCode(), doc + " → " + response.body());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("invalid_config", error.path("code").asText(), response.body());
        assertEquals(field, error.path("field").asText(), doc.toString());
        assertTrue(error.path("message").asText().contains(field), response.body());
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) if (n.path("name").asText().equals(name)) return n;
        throw new AssertionError("no " + name + " in " + list);
    }
}
