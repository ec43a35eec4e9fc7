package playground.markdown.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The words a reader sees, without markup, code blocks or TeX: for heading anchors and for search. */
public final class PlainText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    private PlainText() {}

    public static String of(Node node) {
        PlainText visitor = new PlainText();
        node.accept(visitor);
        return visitor.out.toString();
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak br) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak br) {
        out.append(' ');
    }

    @Override
    public void visit(FencedCodeBlock block) {}

    @Override
    public void visit(IndentedCodeBlock block) {}

    @Override
    public void visit(HtmlBlock block) {}

    @Override
    public void visit(CustomNode node) {
        if (node instanceof MathNode) {
            out.append(' '); // TeX source is noise in search snippets
        } else if (node instanceof MissingImage image) {
            out.append(image.alt());
        } else {
            visitChildren(node);
        }
    }

    @Override
    public void visit(CustomBlock block) {}

    @Override
    protected void visitChildren(Node parent) {
        super.visitChildren(parent);
        if (parent instanceof Block && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
