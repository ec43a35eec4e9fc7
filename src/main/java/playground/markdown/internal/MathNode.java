package playground.markdown.internal;

import org.commonmark.node.CustomNode;

/** TeX between {@code $ ... $} (inline) or {@code $$ ... $$} (display), kept exactly as written. */
public final class MathNode extends CustomNode {
    private final String tex;
    private final boolean display;

    public MathNode(String tex, boolean display) {
        this.tex = tex;
        this.display = display;
    }

    public String tex() {
        return tex;
    }

    public boolean display() {
        return display;
    }
}
