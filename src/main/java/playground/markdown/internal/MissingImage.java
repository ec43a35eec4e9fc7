package playground.markdown.internal;

import org.commonmark.node.CustomNode;

/** An image whose file does not exist: its alt text stands in its place. */
public final class MissingImage extends CustomNode {
    private final String alt;
    private final String source;

    public MissingImage(String alt, String source) {
        this.alt = alt;
        this.source = source;
    }

    public String alt() {
        return alt;
    }

    public String source() {
        return source;
    }
}
