package playground.markdown.internal;

import org.commonmark.node.CustomBlock;

/** A paragraph that was nothing but {@code $$ ... $$}: display math on its own. */
public final class MathBlock extends CustomBlock {
    private final String tex;

    public MathBlock(String tex) {
        this.tex = tex;
    }

    public String tex() {
        return tex;
    }
}
