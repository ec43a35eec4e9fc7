package playground.markdown.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kramdown inline attribute list: {@code {: .fs-1 .lh-0}}, {@code {: #id }}, {@code {: width="550"}}.
 * Bare words ({@code {:toc}}) are references to attribute definitions, which the notes never define, so they
 * add nothing.
 */
public final class Ial {
    /** A whole line that is one attribute list. */
    static final Pattern LINE = Pattern.compile("^\\s*\\{:\\s*([^}]*)\\}\\s*$");
    /** An attribute list at the start of some text (after an image or a link). */
    static final Pattern PREFIX = Pattern.compile("^\\{:\\s*([^}]*)\\}");
    private static final Pattern TOKEN = Pattern.compile(
            "\\.([\\w-]+)|#([\\w-]+)|([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))|(\\S+)",
            Pattern.UNICODE_CHARACTER_CLASS);

    private Ial() {}

    /** The attributes of {@code line} when the whole line is an attribute list. */
    static Optional<Map<String, String>> parseLine(String line) {
        Matcher m = LINE.matcher(line);
        return m.matches() ? Optional.of(parseBody(m.group(1))) : Optional.empty();
    }

    static Map<String, String> parseBody(String body) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            if (m.group(1) != null) {
                attrs.merge("class", m.group(1), (a, b) -> a + " " + b);
            } else if (m.group(2) != null) {
                attrs.put("id", m.group(2));
            } else if (m.group(3) != null) {
                String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
                if (m.group(3).equals("class")) {
                    attrs.merge("class", value, (a, b) -> a + " " + b);
                } else {
                    attrs.put(m.group(3), value);
                }
            }
        }
        return attrs;
    }

    /** Adds {@code more} to {@code attrs}, joining classes. */
    static void merge(Map<String, String> attrs, Map<String, String> more) {
        more.forEach((k, v) -> {
            if (k.equals("class")) {
                attrs.merge(k, v, (a, b) -> a + " " + b);
            } else {
                attrs.put(k, v);
            }
        });
    }
}
