package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import playground.keras.KerasRecogniser.Verdict;
import playground.document.RunSpec;

class KerasRecogniserTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path NOTES = Path.of("..", "shared", "notes", "ml-basics", "05-deep-learning.md");

    /** The ```python blocks of a Markdown file, in order. */
    static List<String> pythonBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```python[^\\n]*\\n(.*?)^```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) blocks.add(m.group(1));
        return blocks;
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void cutAnywhereTheNotesCodeNeverBreaksTheRecogniser() throws Exception {
        String code = String.join("\n", pythonBlocks(Files.readString(NOTES)));
        for (int end = 0; end <= code.length(); end += 5) {
            String cut = code.substring(0, end);
            Verdict v = KerasRecogniser.recognise(List.of(cut, "model.fit(X_train, y_train, epochs=3)\n")).get(0);
            if (v.runnable()) RunSpec.from(v.document());
        }
        KerasRecogniser.recognise("x = " + "(".repeat(5000) + "1" + ")".repeat(5000));
        KerasRecogniser.recognise("def f(m):\n    return f(m)\nmodel = f(1)\n");
    }

    @Test
    void theNotesModelBlockGetsTheNotesRunDocument() throws Exception {
        List<String> blocks = pythonBlocks(Files.readString(NOTES));
        List<Verdict> verdicts = KerasRecogniser.recognise(blocks);
        List<Integer> runnable = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i).runnable()) runnable.add(i);
            else assertNull(verdicts.get(i).refusal(), "block " + i + ": " + verdicts.get(i).refusal());
        }
        assertEquals(1, runnable.size(), runnable.toString());
        assertTrue(blocks.get(runnable.get(0)).contains("keras.Sequential(["), "the model block gets the button");
        assertEquals(json("""
                {"dataset":"boston_housing","model":{"normalize":true,"layers":[
                  {"units":64,"activation":"relu"},{"units":32,"activation":"relu"},{"units":1,"activation":"linear"}]},
                 "compile":{"optimizer":{"name":"adam","learning_rate":0.01},"loss":"mse","metrics":[]},
                 "fit":{"epochs":100,"batch_size":16,"validation_split":0.2,"shuffle":true}}"""),
                verdicts.get(runnable.get(0)).document());
        assertEquals(3036, RunSpec.from(verdicts.get(runnable.get(0)).document()).summary().total_params());
    }
}
