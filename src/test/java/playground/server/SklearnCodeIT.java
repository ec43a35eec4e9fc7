package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.PythonSklearn;

/**
 * The scikit-learn code POST /api/summary shows for a document, run by scikit-learn 1.2 itself with the CSV files the
 * preview links (downloaded from the same server): it prints the score the playground's run gives.
 */
class SklearnCodeIT extends EstimatorServerTest {
    private static final String SPLIT = "\"split\": {\"test_size\": 0.2, \"random_state\": 5}";

    /** Runs the preview's code beside its CSV files; the printed numbers by label. */
    private static JsonNode runCode(String document, Path dir) throws Exception {
        HttpResponse<String> preview = server.post("/api/summary", document);
        assertEquals(200, preview.statusCode(), preview.body());
        JsonNode p = JSON.readTree(preview.body());
        for (JsonNode link : p.path("csv_files")) {
            HttpResponse<String> csv = server.get(link.path("url").asText());
            assertEquals(200, csv.statusCode(), link.toString());
            Files.writeString(dir.resolve(link.path("file").asText()), csv.body());
        }
        String out = PythonSklearn.runIn(dir, p.path("sklearn").asText());
        var printed = JSON.createObjectNode();
        for (String line : out.strip().split("\n")) {
            String[] parts = line.split(": ");
            if (parts.length == 2) printed.put(parts[0], Double.parseDouble(parts[1]));
        }
        printed.put("code", p.path("sklearn").asText());
        return printed;
    }

    private static JsonNode train(String document) throws Exception {
        HttpResponse<String> response = server.post("/api/train", document);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void theCodePrintsTheRunsScores() throws Exception {
        PythonSklearn.require();
        Path dir = Files.createTempDirectory("pg-sklearn-code");
        List<String> exact = List.of(
                "{\"dataset\": {\"name\": \"iris\", " + SPLIT + "}, \"model\": {\"estimator\": \"KNeighborsClassifier\","
                        + " \"params\": {\"n_neighbors\": 5}, \"preprocess\": [{\"name\": \"StandardScaler\"}]}}",
                "{\"dataset\": {\"name\": \"digits\", " + SPLIT + "}, \"model\": {\"estimator\": \"RandomForestClassifier\","
                        + " \"params\": {\"n_estimators\": 20, \"max_depth\": 6, \"random_state\": 0}}}",
                "{\"dataset\": {\"name\": \"wine\", " + SPLIT + "}, \"seed\": 11, \"model\": {\"estimator\": \"AdaBoostClassifier\","
                        + " \"params\": {\"n_estimators\": 20}}}",
                "{\"dataset\": {\"name\": \"spiral\", \"samples\": 300, \"noise\": 0.1}, \"model\": {\"estimator\":"
                        + " \"DecisionTreeClassifier\", \"params\": {\"max_depth\": 5, \"random_state\": 0}}}",
                "{\"dataset\": {\"name\": \"breast_cancer\", " + SPLIT + "}, \"model\": {\"estimator\": \"LogisticRegression\","
                        + " \"params\": {\"C\": 0.5, \"max_iter\": 2000}, \"preprocess\": [{\"name\": \"MinMaxScaler\"}]}}");
        for (String document : exact) {
            JsonNode printed = runCode(document, dir), ours = train(document);
            assertEquals(ours.at("/score/test").asDouble(), printed.path("테스트 점수").asDouble(), 0.0, printed.path("code").asText());
            assertEquals(ours.at("/score/train").asDouble(), printed.path("훈련 점수").asDouble(), 0.0, printed.path("code").asText());
        }
        // least squares and k-means sum in another order than NumPy's BLAS: equal to the last few bits
        List<String> close = List.of(
                "{\"dataset\": {\"name\": \"boston_housing\", " + SPLIT + "}, \"model\": {\"estimator\": \"LinearRegression\","
                        + " \"preprocess\": [{\"name\": \"PolynomialFeatures\", \"degree\": 2}]}}",
                "{\"dataset\": \"iris\", \"model\": {\"estimator\": \"KMeans\", \"params\": {\"n_clusters\": 3, \"random_state\": 0},"
                        + " \"sweep\": {\"param\": \"n_clusters\", \"values\": [2, 3, 4]}}}");
        JsonNode poly = runCode(close.get(0), dir);
        assertEquals(train(close.get(0)).at("/score/test").asDouble(), poly.path("테스트 점수").asDouble(), 1e-9, poly.path("code").asText());
        assertEquals(0.8694943908787136, poly.path("테스트 점수").asDouble(), 1e-9);   // the notes' number
        JsonNode kmeans = runCode(close.get(1), dir);
        assertEquals(train(close.get(1)).path("inertia").asDouble(), kmeans.path("inertia").asDouble(), 1e-9);
        assertTrue(kmeans.path("code").asText().contains("for k in [2, 3, 4]:"), kmeans.path("code").asText());
    }
}
