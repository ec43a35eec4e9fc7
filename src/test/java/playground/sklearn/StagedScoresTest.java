package playground.sklearn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import playground.PythonSklearn;

/**
 * The staged curves of a fit's result held against scikit-learn 1.2 itself: a forest's score with its first i trees,
 * AdaBoost's {@code staged_score}, and a single tree cut at each depth.
 */
class StagedScoresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPLIT = "\"split\": {\"test_size\": 0.2, \"random_state\": 5}";
    private static final List<String> CASES = List.of(
            doc("iris", "RandomForestClassifier", "{\"n_estimators\": 15, \"random_state\": 0}"),
            doc("wine", "RandomForestClassifier", "{\"n_estimators\": 12, \"max_depth\": 3, \"random_state\": 2}"),
            doc("diabetes", "RandomForestRegressor", "{\"n_estimators\": 8, \"max_depth\": 5, \"random_state\": 1}"),
            doc("iris", "AdaBoostClassifier", "{\"n_estimators\": 30, \"random_state\": 0}"),
            doc("breast_cancer", "AdaBoostClassifier", "{\"n_estimators\": 25, \"algorithm\": \"SAMME\", \"random_state\": 0}"),
            doc("wine", "DecisionTreeClassifier", "{\"random_state\": 0}"),
            doc("diabetes", "DecisionTreeRegressor", "{\"max_depth\": 6, \"random_state\": 0}"));

    private static String doc(String data, String estimator, String params) {
        return "{\"dataset\": {\"name\": \"" + data + "\", " + SPLIT + "}, \"model\": {\"estimator\": \"" + estimator
                + "\", \"params\": " + params + "}}";
    }

    @Test
    void stagedScoresAreScikitLearnsStageByStage() throws Exception {
        String[] theirs = PythonSklearn.run(PythonSklearn.script("staged_scores.py"), CASES.toString()).strip().split("\n");
        assertEquals(CASES.size(), theirs.length);
        for (int c = 0; c < CASES.size(); c++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> document = JSON.readValue(CASES.get(c), Map.class);
            JsonNode ours = JSON.valueToTree(FitRun.run(document, 0, FitListener.NONE).get("staged"));
            JsonNode expected = JSON.readTree(theirs[c]);
            assertEquals(expected.path("kind").asText(), ours.path("kind").asText(), CASES.get(c));
            for (String part : List.of("train", "test")) {
                JsonNode a = ours.get(part), b = expected.get(part);
                assertEquals(b.size(), a.size(), CASES.get(c) + " " + part);
                assertTrue(b.size() > 2, CASES.get(c));
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(b.get(i).asDouble(), a.get(i).asDouble(), 1e-9, CASES.get(c) + " " + part + " stage " + (i + 1));
                }
                assertEquals(1, ours.get("index").get(0).asInt());
            }
        }
    }
}
