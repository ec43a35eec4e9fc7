package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import playground.RealSite;

/**
 * The trained weights a result carries, run through an independent forward pass in NumPy ({@code bench/forward_pass.py})
 * on the test CSV the server serves, give the run's test loss: the weights are complete and in Keras's order.
 */
public class ForwardPassTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path SCRIPT = Path.of("bench", "forward_pass.py");

    /** The notes' model with Dropout and both regularizers, so the script must skip the one and add the other. */
    private static final String DOCUMENT = """
            {"dataset":"boston_housing","seed":7,"model":{"normalize":true,"layers":[{"units":64,"activation":"relu",
            "kernel_regularizer":{"l2":0.001}},{"type":"Dropout","rate":0.2},{"units":32,"activation":"relu",
            "bias_regularizer":{"l1":0.01}},{"units":1}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.01},
            "loss":"mse","metrics":["mae"]},"fit":{"epochs":30,"batch_size":16,"validation_split":0.2}}""";

    /** The script's answer for {@code model} (the widget's download format) on {@code testCsv}. */
    public static JsonNode forwardPass(JsonNode model, String testCsv) throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            if (System.getenv("CI") != null) Assertions.fail(PYTHON + " (with NumPy) is needed; CI is set, so this fails");
            Assumptions.assumeTrue(false, "needs " + PYTHON);
        }
        Path dir = Files.createTempDirectory("forward-pass-");
        Path modelFile = dir.resolve("model.json"), csv = dir.resolve("test.csv");
        Files.writeString(modelFile, model.toString(), StandardCharsets.UTF_8);
        Files.writeString(csv, testCsv, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), modelFile.toString(), csv.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends within a minute");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return JSON.readTree(out);
    }

    @Test
    void numpyReproducesTheTestLossFromTheCarriedWeights() throws Exception {
        try (RealSite server = RealSite.oneCourse().workers(1).start()) {
            HttpResponse<String> response = server.post("/api/train", DOCUMENT);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode result = JSON.readTree(response.body());
            ObjectNode download = JSON.createObjectNode();
            download.set("config", JSON.readTree(DOCUMENT));
            download.set("weights", result.get("weights"));
            String csv = server.get("/api/datasets/boston_housing/test.csv").body();
            JsonNode numpy = forwardPass(download, csv);
            double loss = result.path("test").path("loss").asDouble();
            System.out.printf("test loss: playground %.9f, numpy %.9f (penalty %.6f)%n", loss,
                    numpy.path("loss").asDouble(), numpy.path("penalty").asDouble());
            assertTrue(numpy.path("penalty").asDouble() > 0);
            assertEquals(loss, numpy.path("loss").asDouble(), 1e-4);
            assertEquals(List.of(13, 13), List.of(result.path("weights").get(0).size(), result.path("weights").get(1).size()));
        }
    }
}
