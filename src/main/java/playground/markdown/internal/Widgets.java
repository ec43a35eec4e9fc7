package playground.markdown.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import playground.markdown.WidgetValidator;
import playground.vocabulary.Control;
import playground.vocabulary.Vocabulary;

/**
 * Turns {@code ```playground title="노트의 보스턴 모델" hide="seed,shuffle" lock="dataset"} fenced blocks into
 * {@link WidgetBlock}s, checking the JSON with the injected {@link WidgetValidator}. A {@code compare="batch_size=323,1,16"}
 * option (one control name, one to four values) is checked by validating the document once per value.
 */
public final class Widgets {
    private static final Pattern OPTION = Pattern.compile("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> KEYS = Set.of("title", "hide", "lock", "view", "compare");
    /** At most this many runs in one comparison. */
    static final int MAX_COMPARED = 4;
    /** The controls a comparison may vary: name → path in the run document ({@link Vocabulary#CONTROLS}). */
    private static final Map<String, String> COMPARABLE = compareControls();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VIEWS = Set.of("loss", "boundary");

    private Widgets() {}

    /**
     * @param valid    how many blocks passed validation
     * @param problems one message per bad block (each is also shown in the page as an error box)
     */
    public record Result(int valid, List<String> problems) {}

    public static Result apply(Node document, WidgetValidator validator) {
        List<FencedCodeBlock> blocks = FencedBlocks.named(document, "playground");
        List<String> problems = new ArrayList<>();
        int valid = 0;
        for (FencedCodeBlock block : blocks) {
            String json = block.getLiteral().stripTrailing();
            Map<String, String> options = new LinkedHashMap<>();
            String problem = parseOptions(block.getInfo().strip().substring("playground".length()), options)
                    .or(() -> validator.problem(json))
                    .or(() -> checkCompare(json, options, validator)).orElse(null);
            if (problem != null) {
                problems.add(problem);
            } else {
                valid++;
            }
            block.insertBefore(new WidgetBlock(json, options, problem));
            block.unlink();
        }
        return new Result(valid, problems);
    }

    private static Optional<String> parseOptions(String info, Map<String, String> options) {
        Matcher m = OPTION.matcher(info);
        int end = 0;
        while (m.find()) {
            if (!info.substring(end, m.start()).isBlank()) {
                break;
            }
            end = m.end();
            if (!KEYS.contains(m.group(1))) {
                return Optional.of("알 수 없는 옵션 '" + m.group(1) + "' (쓸 수 있는 것: title, hide, lock, view, compare)");
            }
            options.put(m.group(1), m.group(2));
        }
        if (!info.substring(end).isBlank()) {
            return Optional.of("옵션은 key=\"value\" 꼴이어야 합니다: " + info.strip());
        }
        String view = options.getOrDefault("view", "loss");
        if (!VIEWS.contains(view)) {
            return Optional.of("view는 loss 또는 boundary여야 합니다 (받은 값: " + view + ")");
        }
        return Optional.empty();
    }

    /** The registry's comparable controls, name → path. */
    private static Map<String, String> compareControls() {
        Map<String, String> paths = new LinkedHashMap<>();
        for (Control c : Vocabulary.CONTROLS) {
            if (c.comparable()) paths.put(c.name(), c.path());
        }
        return Map.copyOf(paths);
    }

    /**
     * Checks {@code compare="name=v1,v2"} and rewrites it without spaces; each value put into the document must
     * give a valid document.
     */
    private static Optional<String> checkCompare(String json, Map<String, String> options, WidgetValidator validator) {
        String compare = options.get("compare");
        if (compare == null) {
            return Optional.empty();
        }
        int eq = compare.indexOf('=');
        if (eq < 0) {
            return Optional.of("compare는 이름=값1,값2 꼴이어야 합니다 (예: compare=\"batch_size=323,1,16\", 받은 값: "
                    + compare + ")");
        }
        String name = compare.substring(0, eq).strip();
        if (!COMPARABLE.containsKey(name)) {
            return Optional.of("compare: 비교할 수 없는 설정 이름 '" + name + "' (쓸 수 있는 것: "
                    + String.join(", ", COMPARABLE.keySet().stream().sorted().toList()) + ")");
        }
        List<String> values = new ArrayList<>();
        for (String value : compare.substring(eq + 1).split(",", -1)) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        if (values.isEmpty() || values.size() > MAX_COMPARED) {
            return Optional.of("compare에는 값이 1개 이상 " + MAX_COMPARED + "개 이하여야 합니다 (받은 값: "
                    + values.size() + "개)");
        }
        if (new HashSet<>(values).size() != values.size()) {
            return Optional.of("compare에 같은 값이 두 번 있습니다: " + compare.strip());
        }
        for (String value : values) {
            Optional<String> problem = variant(json, COMPARABLE.get(name), value).map(validator::problem)
                    .orElse(Optional.of("설정이 JSON 객체가 아닙니다"));
            if (problem.isPresent()) {
                return Optional.of("compare " + name + "=" + value + ": " + problem.get());
            }
        }
        options.put("compare", name + "=" + String.join(",", values));
        return Optional.empty();
    }

    /**
     * The document with {@code value} at {@code path}: true/false as booleans, numbers as numbers, anything else
     * as a string (a dataset given as an object keeps its samples and noise and gets the new name).
     */
    static Optional<String> variant(String json, String path, String value) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        String[] keys = path.split("\\.");
        ObjectNode node = (ObjectNode) root;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = node.get(keys[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(keys[i]);
        }
        String last = keys[keys.length - 1];
        if (path.equals("dataset") && node.get(last) instanceof ObjectNode dataset) {
            dataset.set("name", TextNode.valueOf(value));
        } else {
            node.set(last, typed(value));
        }
        return Optional.of(root.toString());
    }

    private static JsonNode typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return BooleanNode.valueOf(value.equals("true"));
        }
        if (value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }
}
