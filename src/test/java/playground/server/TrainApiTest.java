package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;
import playground.runs.RunLimits;

/** The JSON API of RUN-CONFIG.md over real HTTP. */
class TrainApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RealSite server = RealSite.oneCourse().workers(2).queue(64, 64).startsPerMinute(1000);

    @Test
    void healthAndStatusAnswer() throws Exception {
        HttpResponse<String> health = server.get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ok", health.body());
        JsonNode status = server.status();
        assertEquals(2, status.path("workers").asInt());
        assertTrue(status.has("active") && status.has("queued"), status.toString());
    }

    @Test
    void datasetsListEveryBundledAndGeneratedSetWithKoreanNames() throws Exception {
        JsonNode sets = JSON.readTree(server.get("/api/datasets").body());
        JsonNode boston = find(sets, "boston_housing");
        assertEquals("regression", boston.path("task").asText());
        assertEquals(13, boston.path("features").size());
        assertEquals(404, boston.path("train_rows").asInt());
        assertTrue(boston.path("title").asText().matches(".*[가-힣].*"), boston.toString());
        assertTrue(find(sets, "spiral").path("generated").asBoolean());
        assertEquals("multiclass", find(sets, "iris").path("task").asText());
    }

    @Test
    void summaryGivesTheKerasCountsCostAndCodeBeforeAnyRun() throws Exception {
        HttpResponse<String> response = server.post("/api/summary", TrainSocketTest.NOTES_MODEL);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode preview = JSON.readTree(response.body());
        assertEquals(3036, preview.path("summary").path("total_params").asLong());
        assertEquals(3009, preview.path("summary").path("trainable_params").asLong());
        assertEquals(RunLimits.defaults().costBudget(), preview.path("budget").asDouble());
        assertTrue(preview.path("cost").asLong() > 0);
        String keras = preview.path("keras").asText();
        assertTrue(keras.contains("layers.Dense(64, activation='relu')"), keras);
        assertTrue(keras.contains("keras.optimizers.Adam(learning_rate=0.01)"), keras);
        assertTrue(keras.contains("epochs=100, batch_size=16, validation_split=0.2"), keras);
        JsonNode normalization = preview.path("normalization");
        assertEquals("CRIM", normalization.path("features").get(0).asText());
        assertEquals(3.75, normalization.path("mean").get(0).asDouble(), 0.005, "the notes' printed mean");
        assertEquals(27611.97, normalization.path("variance").get(9).asDouble(), 0.005, "the notes' TAX variance");
    }

    @Test
    void summaryCountsTheDocumentsOwnRowsAsTheStartedEventDoes() throws Exception {
        JsonNode boston = JSON.readTree(server.post("/api/summary", TrainSocketTest.NOTES_MODEL).body());
        assertEquals(List.of(323, 81, 102), rows(boston), "Keras's 404 / 102 split, the last 20% of 404 validating");
        String plane = RunDoc.notes().dataset("plane", 333, 0.1).validationSplit(0.3).json();
        HttpResponse<String> response = server.post("/api/summary", plane);
        assertEquals(200, response.statusCode(), response.body());
        // round(333 × 0.2) = 67 test rows; floor(266 × 0.7) = 186 of the other 266 train, the last 80 validate
        assertEquals(List.of(186, 80, 67), rows(JSON.readTree(response.body())));
    }

    private static List<Integer> rows(JsonNode preview) {
        return List.of(preview.path("train_rows").asInt(-1), preview.path("validation_rows").asInt(-1),
                preview.path("test_rows").asInt(-1));
    }

    @Test
    void anInvalidDocumentIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = server.post("/api/summary",
                RunDoc.notes().learningRate(-1).json());
        assertEquals(400, response.statusCode());
        JsonNode error = JSON.readTree(response.body());
        assertEquals("invalid_config", error.path("code").asText());
        assertEquals("compile.optimizer.learning_rate", error.path("field").asText());
        assertTrue(error.path("message").asText().contains("받은 값: -1"), error.toString());
    }

    @Test
    void aDocumentOver16KiBIsRefusedWithAPreciseMessage() throws Exception {
        String padded = "{\"dataset\":\"iris\",\"x\":\"" + "a".repeat(200) + "\"," + "\"y\":1,".repeat(3000) + "\"z\":1}";
        HttpResponse<String> response = server.post("/api/train", padded);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("16 KiB"), response.body());
        assertEquals(200, server.get("/healthz").statusCode());
    }

    @Test
    void trainAnswersTheWholeResult() throws Exception {
        HttpResponse<String> response = server.post("/api/train",
                RunDoc.notes().epochs(5).json());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body());
        assertEquals(7, result.path("seed").asLong());
        assertEquals(5, result.path("history").path("loss").size());
        assertEquals(5, result.path("history").path("val_mae").size());
        assertTrue(result.path("test").has("r2"));
        assertEquals(3036, result.path("summary").path("total_params").asLong());
    }

    @Test
    void scriptsStylesAndTheApiNeverSetTheCookie() throws Exception {
        for (String path : new String[] {"/assets/js/widget.js", "/webjars/chart.js/4.4.7/dist/chart.umd.js",
                "/api/status", "/api/datasets", "/healthz"}) {
            HttpResponse<String> response = server.get(path);
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), path + " set a cookie");
        }
        assertTrue(server.get("/api/session").headers().firstValue("Set-Cookie").orElse("").startsWith("pg_browser="));
    }

    @Test
    void theFirstPageGivesTheBrowserItsCookie() throws Exception {
        HttpResponse<String> page = server.get("/");
        String cookie = page.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.matches("pg_browser=[0-9a-f]{32}\\.[A-Za-z0-9_-]{22};.*"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void theApiAndItsErrorsCarryTheSecurityHeadersToo() throws Exception {
        List<HttpResponse<String>> responses = List.of(server.get("/healthz"), server.get("/api/status"),
                server.get("/api/datasets"), server.post("/api/summary", "{\"dataset\":1}"),
                server.get("/webjars/chart.js/4.4.7/dist/chart.umd.js"), server.get("/api/nothing-here"));
        for (HttpResponse<String> response : responses) {
            String where = response.request().uri().getPath();
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                    where);
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"),
                    where);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
            assertTrue(response.headers().firstValue("Referrer-Policy").isPresent(), where);
        }
    }

    private static JsonNode find(JsonNode sets, String name) {
        for (JsonNode set : sets) {
            if (set.path("name").asText().equals(name)) return set;
        }
        throw new AssertionError(name + " not listed in " + sets);
    }
}
