package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Applies kramdown attribute lists and removes their text, so no {@code {:} reaches the reader.
 * <ul>
 *   <li>{@code ![a](b.png){: width="550"}}, {@code [a](b){: target="_blank"}}: right after an image or link.</li>
 *   <li>A paragraph's last line {@code {: .fs-1 .lh-0}}: the paragraph.</li>
 *   <li>A first line directly under another block ({@code # Title} then {@code {: .no_toc }}): that block.</li>
 *   <li>A first line after a blank line ({@code {: .note }} then a paragraph): the block that follows.</li>
 * </ul>
 */
public final class AttributeLists {
    private AttributeLists() {}

    public static void apply(Node document) {
        List<Paragraph> paragraphs = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                applyAfterInline(text);
            }

            @Override
            public void visit(Paragraph paragraph) {
                paragraphs.add(paragraph);
                visitChildren(paragraph);
            }
        });
        paragraphs.forEach(AttributeLists::applyInParagraph);
    }

    /** {@code ![alt](src){: width="500"}}: the text right after an image or link starts with an attribute list. */
    private static void applyAfterInline(Text text) {
        Node previous = text.getPrevious();
        if (!(previous instanceof Image || previous instanceof Link)) {
            return;
        }
        Matcher m = Ial.PREFIX.matcher(text.getLiteral());
        if (m.find()) {
            Ial.merge(AttributeList.of(previous).attributes(), Ial.parseBody(m.group(1)));
            String rest = text.getLiteral().substring(m.end());
            if (rest.isEmpty()) {
                text.unlink();
            } else {
                text.setLiteral(rest);
            }
        }
    }

    private static void applyInParagraph(Paragraph paragraph) {
        // Trailing lines: {: .fs-1 .lh-0} under the paragraph's text.
        while (true) {
            Optional<Map<String, String>> last = lastLine(paragraph);
            if (last.isEmpty() || onlyLine(paragraph)) {
                break;
            }
            Node text = lastContent(paragraph);
            text.getPrevious().unlink(); // the line break before it
            text.unlink();
            Ial.merge(AttributeList.of(paragraph).attributes(), last.get());
        }
        // Leading lines: {: .no_toc } under a heading, or {: .note } above this paragraph.
        while (true) {
            Node first = firstContent(paragraph);
            if (!(first instanceof Text text)) {
                break;
            }
            Optional<Map<String, String>> attrs = Ial.parseLine(text.getLiteral());
            Node next = first.getNext();
            if (attrs.isEmpty() || !(next == null || next instanceof SoftLineBreak || next instanceof HardLineBreak)) {
                break;
            }
            Node target = directlyAbove(paragraph);
            if (target == null) {
                target = next == null ? paragraph.getNext() : paragraph;
            }
            first.unlink();
            if (next != null) {
                next.unlink();
            }
            if (target != null && !(target instanceof Paragraph p && p == paragraph && isEmpty(p))) {
                Ial.merge(AttributeList.of(target).attributes(), attrs.get());
            }
            if (isEmpty(paragraph)) {
                paragraph.unlink();
                break;
            }
        }
    }

    private static Optional<Map<String, String>> lastLine(Paragraph paragraph) {
        Node last = lastContent(paragraph);
        if (last instanceof Text text && (last.getPrevious() instanceof SoftLineBreak
                || last.getPrevious() instanceof HardLineBreak)) {
            return Ial.parseLine(text.getLiteral());
        }
        return Optional.empty();
    }

    private static boolean onlyLine(Paragraph paragraph) {
        Node first = firstContent(paragraph);
        return first == null || first == lastContent(paragraph);
    }

    private static Node firstContent(Node node) {
        Node child = node.getFirstChild();
        while (child instanceof AttributeList) {
            child = child.getNext();
        }
        return child;
    }

    private static Node lastContent(Node node) {
        Node child = node.getLastChild();
        return child instanceof AttributeList ? null : child;
    }

    private static boolean isEmpty(Paragraph paragraph) {
        return firstContent(paragraph) == null;
    }

    /** The previous sibling block when it ends on the line right above {@code block}, else null. */
    private static Node directlyAbove(Block block) {
        Node previous = block.getPrevious();
        if (previous == null || previous.getSourceSpans().isEmpty() || block.getSourceSpans().isEmpty()) {
            return null;
        }
        List<SourceSpan> above = previous.getSourceSpans();
        int lastLine = above.get(above.size() - 1).getLineIndex();
        return lastLine + 1 == block.getSourceSpans().get(0).getLineIndex() ? previous : null;
    }
}
