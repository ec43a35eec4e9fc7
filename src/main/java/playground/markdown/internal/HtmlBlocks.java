package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;

/**
 * Cleans the notes' raw HTML blocks: drops {@code markdown="1"} / {@code markdown="block"} attributes and
 * applies attribute lists written inside the block to the element just above them:
 * <pre>{@code
 *   <summary>
 *     Table of contents
 *   </summary>
 *   {: .text-delta }          →   <summary class="text-delta"> …
 * }</pre>
 */
public final class HtmlBlocks {
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile("\\s+markdown\\s*=\\s*([\"'])[^\"']*\\1");
    private static final Pattern IAL_LINE = Pattern.compile("(?m)^[ \\t]*\\{:([^}\\n]*)\\}[ \\t]*(\\n|$)");
    private static final Pattern CLOSING_AT_END = Pattern.compile("</([A-Za-z][\\w-]*)>\\s*$");
    private static final Pattern OPENING_AT_END = Pattern.compile("<([A-Za-z][\\w-]*)([^>]*)>\\s*$");

    private HtmlBlocks() {}

    public static void apply(Node document) {
        List<HtmlBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                blocks.add(block);
            }
        });
        for (HtmlBlock block : blocks) {
            block.setLiteral(clean(block.getLiteral()));
        }
    }

    static String clean(String html) {
        String out = MARKDOWN_ATTRIBUTE.matcher(html).replaceAll("");
        Matcher ial;
        while ((ial = IAL_LINE.matcher(out)).find()) {
            String before = out.substring(0, ial.start());
            String after = out.substring(ial.end());
            out = addAttributes(before, Ial.parseBody(ial.group(1))) + after;
        }
        return out;
    }

    /** Adds {@code attrs} to the element whose start or end tag closes {@code html}. */
    private static String addAttributes(String html, Map<String, String> attrs) {
        int tagStart = -1;
        Matcher closing = CLOSING_AT_END.matcher(html);
        if (closing.find()) {
            Matcher open = Pattern.compile("<" + Pattern.quote(closing.group(1)) + "(?=[\\s>/])").matcher(html);
            while (open.find()) {
                if (open.start() < closing.start()) {
                    tagStart = open.start();
                }
            }
        } else {
            Matcher opening = OPENING_AT_END.matcher(html);
            if (opening.find()) {
                tagStart = opening.start();
            }
        }
        if (tagStart < 0 || attrs.isEmpty()) {
            return html;
        }
        int tagEnd = html.indexOf('>', tagStart);
        String tag = html.substring(tagStart, tagEnd);
        StringBuilder rewritten = new StringBuilder(tag.endsWith("/") ? tag.substring(0, tag.length() - 1) : tag);
        attrs.forEach((name, value) -> {
            Matcher existing = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(rewritten);
            if (existing.find() && name.equals("class")) {
                rewritten.replace(existing.start(1), existing.end(1), existing.group(1) + " " + value);
            } else if (!existing.find(0)) {
                rewritten.append(' ').append(name).append("=\"").append(Escape.html(value)).append('"');
            }
        });
        if (tag.endsWith("/")) {
            rewritten.append('/');
        }
        return html.substring(0, tagStart) + rewritten + html.substring(tagEnd);
    }
}
