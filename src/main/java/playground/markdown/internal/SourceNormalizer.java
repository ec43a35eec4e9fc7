package playground.markdown.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites kramdown's "Markdown inside HTML" into what CommonMark understands, before parsing.
 *
 * <pre>{@code
 * <div class="code-example" markdown="1">        <div class="code-example">
 * | a | b |                                 →
 * </div>                                         | a | b |
 *                                                 (blank)
 *                                                 </div>
 * }</pre>
 * CommonMark reads Markdown between HTML tags only when blank lines separate them, so the opening tag loses
 * its {@code markdown} attribute and gets a blank line after it, and its closing tag gets blank lines around it.
 * Inside such a region, Markdown that follows an element's end tag without a blank line
 * ({@code </summary>}, an attribute list, then {@code 1. TOC}) gets one too, as kramdown reads it as Markdown.
 * Lines inside fenced code are left alone.
 */
public final class SourceNormalizer {
    private static final Pattern OPENING = Pattern.compile(
            "^\\s*<([A-Za-z][\\w-]*)([^>]*?)\\s+markdown\\s*=\\s*([\"'])(?:1|block|span)\\3([^>]*)>\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final Pattern ENDS_WITH_END_TAG = Pattern.compile(".*</[A-Za-z][\\w-]*>\\s*$");
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("^\\s*\\{:[^}]*\\}\\s*$");

    private SourceNormalizer() {}

    public static String normalize(String source) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        Deque<String> open = new ArrayDeque<>();
        String fence = null;
        boolean afterEndTag = false;
        for (String line : source.split("\r?\n", -1)) {
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence != null) {
                if (fenceMatch.find() && fenceMatch.group(1).charAt(0) == fence.charAt(0)
                        && fenceMatch.group(1).length() >= fence.length() && line.trim().equals(fenceMatch.group(1))) {
                    fence = null;
                }
                out.append(line).append('\n');
                continue;
            }
            if (fenceMatch.find()) {
                fence = fenceMatch.group(1);
                out.append(line).append('\n');
                continue;
            }
            Matcher opening = OPENING.matcher(line);
            boolean markdownAfterHtml = !open.isEmpty() && afterEndTag && !line.isBlank()
                    && !line.stripLeading().startsWith("<") && !ATTRIBUTE_LIST.matcher(line).matches();
            if (!ATTRIBUTE_LIST.matcher(line).matches()) {
                afterEndTag = ENDS_WITH_END_TAG.matcher(line).matches();
            }
            if (markdownAfterHtml) {
                out.append('\n');
            }
            if (opening.matches()) {
                String name = opening.group(1);
                out.append('<').append(name).append(opening.group(2)).append(opening.group(4)).append(">\n\n");
                open.push(name.toLowerCase());
            } else if (!open.isEmpty() && line.trim().equalsIgnoreCase("</" + open.peek() + ">")) {
                out.append("\n</").append(open.pop()).append(">\n\n");
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
