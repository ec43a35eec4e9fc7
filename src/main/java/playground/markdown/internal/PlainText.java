package playground.markdown.internal;

import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
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

/**
 * The words a reader sees, without markup. {@link #of} leaves out code blocks, tables and TeX (for heading
 * anchors); {@link #searchable} keeps them, math as its TeX source, so a search finds "Adam" in a code block and
 * a snippet shows {@code w_1 x + b} where the formula is.
 */
public final class PlainText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();
    private final boolean searchable;

    private PlainText(boolean searchable) {
        this.searchable = searchable;
    }

    public static String of(Node node) {
        return text(node, false);
    }

    /** The text a search looks in: {@link #of} plus code blocks, tables, footnotes and math. */
    public static String searchable(Node node) {
        return text(node, true);
    }

    private static String text(Node node, boolean searchable) {
        PlainText visitor = new PlainText(searchable);
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
    public void visit(FencedCodeBlock block) {
        if (searchable) {
            out.append(block.getLiteral()).append('\n');
        }
    }

    @Override
    public void visit(IndentedCodeBlock block) {
        if (searchable) {
            out.append(block.getLiteral()).append('\n');
        }
    }

    @Override
    public void visit(HtmlBlock block) {}

    @Override
    public void visit(CustomNode node) {
        if (node instanceof MathNode math) {
            out.append(searchable ? math.tex() : " "); // TeX source is noise in heading anchors
        } else if (node instanceof MissingImage image) {
            out.append(image.alt());
        } else {
            visitChildren(node);
            if (node instanceof TableCell) {
                out.append(' ');
            }
        }
    }

    @Override
    public void visit(CustomBlock block) {
        if (!searchable) {
            return;
        }
        if (block instanceof MathBlock math) {
            out.append(math.tex()).append('\n');
        } else if (block instanceof TableBlock || block instanceof FootnoteDefinition
                || block instanceof CodeRunBlock) {
            visitChildren(block);
        }
    }

    @Override
    protected void visitChildren(Node parent) {
        super.visitChildren(parent);
        if ((parent instanceof Block || parent instanceof org.commonmark.ext.gfm.tables.TableRow)
                && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
