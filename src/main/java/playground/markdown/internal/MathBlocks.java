package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/** A paragraph holding only {@code $$ ... $$} becomes a {@link MathBlock} (a {@code <div>}, not a {@code <p>}). */
public final class MathBlocks {
    private MathBlocks() {}

    public static void apply(Node document) {
        List<Paragraph> paragraphs = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                if (paragraph.getFirstChild() instanceof MathNode math && math.display() && math.getNext() == null) {
                    paragraphs.add(paragraph);
                }
            }
        });
        for (Paragraph paragraph : paragraphs) {
            MathBlock block = new MathBlock(((MathNode) paragraph.getFirstChild()).tex());
            paragraph.insertBefore(block);
            paragraph.unlink();
        }
    }
}
