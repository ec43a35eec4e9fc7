package playground.markdown.internal;

import java.util.List;
import org.commonmark.node.CustomBlock;
import playground.markdown.TocEntry;

/** Where {@code 1. TOC} / {@code - TOC} followed by {@code {:toc}} stood: the page's table of contents. */
public final class TocBlock extends CustomBlock {
    private final boolean ordered;
    private List<TocEntry> entries = List.of();

    public TocBlock(boolean ordered) {
        this.ordered = ordered;
    }

    public boolean ordered() {
        return ordered;
    }

    public List<TocEntry> entries() {
        return entries;
    }

    public void setEntries(List<TocEntry> entries) {
        this.entries = List.copyOf(entries);
    }
}
