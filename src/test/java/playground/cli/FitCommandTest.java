package playground.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {}

    private Outcome fit(String document) throws Exception {
        Path file = dir.resolve("doc.json");
        Files.writeString(file, document);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = FitCommand.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void issueDocumentPrintsScoresAndConfusionMatrix() throws Exception {
        Outcome o = fit("""
                {"dataset": {"name": "iris", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "KNeighborsClassifier", "params": {"n_neighbors": 5}}}""");
        assertEquals(0, o.code(), o.err());
        JsonNode result = JSON.readTree(o.out());
        assertEquals(0.9333333333333333, result.at("/score/test").asDouble());
        assertEquals(82, result.at("/split_rows/test/0").asInt());
        assertEquals(30, result.at("/test_rows").asInt());
        int total = 0;
        for (JsonNode row : result.at("/metrics/confusion_matrix")) for (JsonNode cell : row) total += cell.asInt();
        assertEquals(30, total);
    }

    @Test
    void polynomialPreprocessingReachesTheNotesScore() throws Exception {
        Outcome o = fit("""
                {"dataset": {"name": "boston_housing", "split": {"test_size": 0.2, "random_state": 5}},
                 "model": {"estimator": "LinearRegression", "preprocess": [{"name": "PolynomialFeatures", "degree": 2}]}}""");
        assertEquals(0, o.code(), o.err());
        assertEquals(0.8694943908787136, JSON.readTree(o.out()).at("/score/test").asDouble(), 2e-12);
        assertEquals(105, JSON.readTree(o.out()).at("/coef").size());
    }

    @Test
    void outOfRangeParamExitsTwoNamingTheField() throws Exception {
        Outcome o = fit("""
                {"dataset": "iris", "model": {"estimator": "KNeighborsClassifier", "params": {"n_neighbors": 0}}}""");
        assertEquals(2, o.code());
        JsonNode error = JSON.readTree(o.err());
        assertEquals("model.params.n_neighbors", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("1 이상"), error.toString());
    }

    @Test
    void unknownParamAndEstimatorAreRefused() throws Exception {
        Outcome unknown = fit("""
                {"dataset": "iris", "model": {"estimator": "RandomForestClassifier", "params": {"n_trees": 5}}}""");
        assertEquals(2, unknown.code());
        assertEquals("model.params.n_trees", JSON.readTree(unknown.err()).get("field").asText());
        Outcome estimator = fit("""
                {"dataset": "iris", "model": {"estimator": "SVC"}}""");
        assertEquals("model.estimator", JSON.readTree(estimator.err()).get("field").asText());
        Outcome step = fit("""
                {"dataset": "iris", "model": {"estimator": "KMeans", "preprocess": [{"name": "PolynomialFeatures", "degree": -1}]}}""");
        assertEquals("model.preprocess[0].degree", JSON.readTree(step.err()).get("field").asText());
    }

    @Test
    void kmeansFitsTheWholeSetWithoutASplit() throws Exception {
        Outcome o = fit("""
                {"dataset": "iris", "model": {"estimator": "KMeans", "params": {"n_clusters": 3, "random_state": 0}}}""");
        assertEquals(0, o.code(), o.err());
        JsonNode result = JSON.readTree(o.out());
        assertEquals(150, result.at("/labels").size());
        assertEquals(78.851441426146, result.at("/inertia").asDouble(), 1e-9);
    }
}
