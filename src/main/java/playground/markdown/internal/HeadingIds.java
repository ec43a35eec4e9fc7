package playground.markdown.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import playground.markdown.TocEntry;

/**
 * Gives every heading an anchor id, keeping Hangul: {@code ## 경사하강법이란?} → {@code id="경사하강법이란"}
 * (kramdown would drop the Hangul and leave {@code section-3}). An explicit {@code {: #id }} wins; repeats get
 * {@code -1}, {@code -2}, … Headings with {@code .no_toc} keep their id but stay out of the returned list.
 */
public final class HeadingIds {
    private HeadingIds() {}

    /** @return the table-of-contents entries, in document order. */
    public static List<TocEntry> apply(Node document) {
        List<TocEntry> toc = new ArrayList<>();
        Set<String> used = new HashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String text = PlainText.of(heading).strip();
                String id = AttributeList.find(heading).get("id");
                if (id == null) {
                    id = unique(slug(text), used);
                    AttributeList.of(heading).attributes().put("id", id);
                }
                used.add(id);
                if (!AttributeList.hasClass(heading, "no_toc")) {
                    toc.add(new TocEntry(heading.getLevel(), id, text));
                }
            }
        });
        return toc;
    }

    /** Lower case, letters and digits of any script, spaces to hyphens, other punctuation dropped. */
    public static String slug(String text) {
        StringBuilder out = new StringBuilder();
        for (int cp : text.toLowerCase(Locale.ROOT).strip().codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) && out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        return out.length() == 0 ? "section" : out.toString();
    }

    private static String unique(String base, Set<String> used) {
        String id = base;
        for (int n = 1; used.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
