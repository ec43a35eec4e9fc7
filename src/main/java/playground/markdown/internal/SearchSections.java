package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import playground.markdown.SearchSection;

/** Splits a rendered document at its top-level headings, so a search can rank the section that teaches a term. */
public final class SearchSections {
    private SearchSections() {}

    public static List<SearchSection> of(Node document) {
        List<SearchSection> sections = new ArrayList<>();
        String id = null;
        String heading = null;
        StringBuilder text = new StringBuilder();
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading h) {
                add(sections, id, heading, text);
                id = AttributeList.find(h).get("id");
                heading = PlainText.of(h).strip();
                text.setLength(0);
            } else {
                text.append(PlainText.searchable(block));
            }
        }
        add(sections, id, heading, text);
        return sections;
    }

    private static void add(List<SearchSection> sections, String id, String heading, StringBuilder text) {
        if (heading != null || !text.toString().isBlank()) {
            sections.add(new SearchSection(id, heading, text.toString().strip()));
        }
    }
}
