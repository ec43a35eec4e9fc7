package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import playground.markdown.TocEntry;

/**
 * kramdown's table of contents:
 * <pre>{@code
 * 1. TOC
 * {:toc}
 * }</pre>
 * A one-item list whose item is {@code TOC} with {@code {:toc}} under it becomes a {@link TocBlock}.
 */
public final class TableOfContents {
    private TableOfContents() {}

    /** Replaces every TOC placeholder list; run before {@link AttributeLists} so {@code {:toc}} is still there. */
    public static List<TocBlock> mark(Node document) {
        List<ListBlock> lists = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(BulletList list) {
                collect(list);
            }

            @Override
            public void visit(OrderedList list) {
                collect(list);
            }

            private void collect(ListBlock list) {
                if (isPlaceholder(list)) {
                    lists.add(list);
                } else {
                    visitChildren(list);
                }
            }
        });
        List<TocBlock> blocks = new ArrayList<>();
        for (ListBlock list : lists) {
            TocBlock toc = new TocBlock(list instanceof OrderedList);
            list.insertBefore(toc);
            list.unlink();
            blocks.add(toc);
        }
        return blocks;
    }

    private static boolean isPlaceholder(ListBlock list) {
        if (!(list.getFirstChild() instanceof ListItem item) || item.getNext() != null
                || !(item.getFirstChild() instanceof Paragraph p) || p.getNext() != null) {
            return false;
        }
        return p.getFirstChild() instanceof Text toc && toc.getLiteral().strip().equals("TOC")
                && toc.getNext() instanceof SoftLineBreak br
                && br.getNext() instanceof Text marker && marker.getLiteral().strip().matches("\\{:\\s*toc\\s*\\}")
                && marker.getNext() == null;
    }

    /** Fills each placeholder with the headings found by {@link HeadingIds}. */
    public static void fill(List<TocBlock> blocks, List<TocEntry> entries) {
        blocks.forEach(b -> b.setEntries(entries));
    }
}
