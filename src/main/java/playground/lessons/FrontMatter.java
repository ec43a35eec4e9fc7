package playground.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The YAML between the opening and closing {@code ---} of a lesson, with the keys just-the-docs reads:
 * {@code title}, {@code parent}, {@code nav_order}, {@code has_children}, {@code nav_exclude}, {@code permalink}.
 * Absent keys are null (or false).
 */
public record FrontMatter(String title, String parent, Double navOrder, boolean hasChildren, boolean navExclude,
                          String permalink) {

    public static final FrontMatter EMPTY = new FrontMatter(null, null, null, false, false, null);

    /**
     * A lesson file split into its front matter and body.
     *
     * @param problems what was wrong with the front matter (the lesson still renders with what could be read)
     * @param bodyLine the file's line number (from 1) of the body's first line
     * @param broken   whether the front matter could not be read at all (half-typed YAML, no closing {@code ---})
     */
    public record Split(FrontMatter frontMatter, String body, List<String> problems, int bodyLine, boolean broken) {}

    /** Splits {@code source}; never throws: broken YAML gives {@link #EMPTY} and a problem. */
    public static Split split(String source) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new Split(EMPTY, text, List.of(), 1, false);
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return new Split(EMPTY, String.join("\n", lines.subList(1, lines.size())),
                    List.of("front matter has no closing '---'; the whole file is shown as the lesson"), 2, true);
        }
        String yaml = String.join("\n", lines.subList(1, close));
        String body = String.join("\n", lines.subList(close + 1, lines.size()));
        List<String> problems = new ArrayList<>();
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            problems.add("front matter is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return new Split(EMPTY, body, problems, close + 2, true);
        }
        if (loaded == null) {
            return new Split(EMPTY, body, problems, close + 2, false);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            problems.add("front matter must be key: value pairs, found " + loaded.getClass().getSimpleName());
            return new Split(EMPTY, body, problems, close + 2, true);
        }
        FrontMatter fm = new FrontMatter(
                string(map, "title", problems), string(map, "parent", problems), number(map, "nav_order", problems),
                flag(map, "has_children", problems), flag(map, "nav_exclude", problems),
                string(map, "permalink", problems));
        return new Split(fm, body, problems, close + 2, false);
    }

    private static String string(Map<?, ?> map, String key, List<String> problems) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(key + " must be text, found " + value);
            return null;
        }
        return value.toString().strip();
    }

    private static Double number(Map<?, ?> map, String key, List<String> problems) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            problems.add(key + " must be a number, found '" + value + "'");
            return null;
        }
    }

    private static boolean flag(Map<?, ?> map, String key, List<String> problems) {
        Object value = map.get(key);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(key + " must be true or false, found '" + value + "'");
        return false;
    }
}
