package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;

/**
 * Every scikit-learn widget of our course ({@code content/}) runs within the default limits on a real server, and so
 * does its one-press sweep when its estimator has one (the registry's {@code sweep}, the values sk-doc.js sends).
 */
class LessonEstimatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("(?m)^```playground[^\\n]*\\n(.*?)^```\\s*$", Pattern.DOTALL);
    @RegisterExtension
    private static final RealSite server = RealSite.oneCourse().workers(2).startsPerMinute(1000);
    private static JsonNode estimators;

    @BeforeAll
    static void readEstimators() throws Exception {
        estimators = JSON.readTree(server.get("/api/options").body()).get("estimators");
    }

    private static List<ObjectNode> estimatorBlocks() throws IOException {
        List<ObjectNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = FENCE.matcher(Files.readString(file));
                while (m.find()) {
                    JsonNode doc = JSON.readTree(m.group(1));
                    if (doc.path("model").has("estimator")) docs.add((ObjectNode) doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode estimator(String name) {
        for (JsonNode e : estimators) {
            if (e.path("name").asText().equals(name)) return e;
        }
        throw new AssertionError("no estimator " + name + " in /api/options");
    }

    /** sk-doc.js's sweepValues: 1…10 for clustering, 1…15 otherwise, within the parameter's range. */
    private static ArrayNode sweepValues(JsonNode estimator) {
        int count = estimator.path("task").asText().equals("clustering") ? 10 : 15;
        ArrayNode values = JSON.createArrayNode();
        for (int v = 1; v <= count; v++) values.add(v);
        return values;
    }

    private static JsonNode trained(JsonNode doc) throws Exception {
        HttpResponse<String> response = server.post("/api/train", doc.toString());
        assertEquals(200, response.statusCode(), doc + " → " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void everyScikitLearnWidgetAndItsSweepRunWithinTheDefaultLimits() throws Exception {
        List<ObjectNode> docs = estimatorBlocks();
        assertTrue(docs.size() >= 8, "lessons 1–4 have their scikit-learn widgets: " + docs.size());
        for (ObjectNode doc : docs) {
            JsonNode result = trained(doc);
            assertTrue(result.has("score") || result.has("inertia"), doc + " → " + result);
            JsonNode estimator = estimator(doc.path("model").path("estimator").asText());
            if (estimator.path("sweep").isTextual()) {
                ObjectNode swept = doc.deepCopy();
                ((ObjectNode) swept.get("model")).putObject("sweep").put("param", estimator.path("sweep").asText())
                        .set("values", sweepValues(estimator));
                trained(swept);
            }
        }
    }
}
