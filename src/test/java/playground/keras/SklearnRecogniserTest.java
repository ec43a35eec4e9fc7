package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import playground.sklearn.FitListener;
import playground.sklearn.FitRun;

/**
 * The teacher's scikit-learn cells in ../shared/notes, read as they are: every cell that fits a model gets a run
 * document, and that document, fitted, gives the score the notes print.
 */
class SklearnRecogniserTest {
    private static final Path NOTES = Path.of("..", "shared", "notes", "ml-basics");
    private static final Pattern PYTHON = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    private static List<String> blocks(String note) throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher m = PYTHON.matcher(Files.readString(NOTES.resolve(note)));
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    private static List<ObjectNode> fits(String note) throws Exception {
        return SklearnRecogniser.recognise(blocks(note)).stream().filter(d -> d != null).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fitted(ObjectNode doc) {
        return FitRun.run(new ObjectMapper().convertValue(doc, Map.class), 0, FitListener.NONE);
    }

    @Test
    void note01sLinearModelsGetTheirDocumentsAndTheNotesScores() throws Exception {
        List<ObjectNode> docs = fits("01-linear-regression.md");
        assertEquals(2, docs.size(), docs.toString());
        assertEquals("{\"dataset\":{\"name\":\"boston_housing\",\"split\":{\"test_size\":0.2,\"random_state\":5}},"
                + "\"model\":{\"estimator\":\"LinearRegression\",\"params\":{}}}", docs.get(0).toString());
        assertEquals("PolynomialFeatures", docs.get(1).path("model").path("preprocess").get(0).path("name").asText());
        assertEquals(2, docs.get(1).path("model").path("preprocess").get(0).path("degree").asInt());
        // the notes print 0.7334492147453064 and 0.8694943908787136 (scikit-learn here rounds the last digits alike)
        assertEquals(0.7334492147453064, (double) ((Map<?, ?>) fitted(docs.get(0)).get("score")).get("test"), 1e-14);
        assertEquals(0.8694943908787136, (double) ((Map<?, ?>) fitted(docs.get(1)).get("score")).get("test"), 2e-12);
    }

    @Test
    void note03sTreeForestAndBoostingGetTheirDocuments() throws Exception {
        List<ObjectNode> docs = fits("03-classification-2.md");
        assertEquals(List.of("DecisionTreeClassifier", "RandomForestClassifier", "AdaBoostClassifier"),
                docs.stream().map(d -> d.path("model").path("estimator").asText()).toList());
        assertEquals(4, docs.get(0).path("model").path("params").path("max_depth").asInt());
        assertEquals(100, docs.get(1).path("model").path("params").path("n_estimators").asInt());
        for (ObjectNode d : docs) {
            assertEquals("iris", d.path("dataset").path("name").asText());
            assertEquals(5, d.path("dataset").path("split").path("random_state").asInt());
        }
        // AdaBoost has no randomness here: the notes' 0.8666666666666667 exactly
        Object score = ((Map<?, ?>) fitted(docs.get(2)).get("score")).get("test");
        assertNotNull(score);
        assertEquals(0.8666666666666667, (double) score, 0.0);
    }
}
