package playground.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/** Finds the fenced blocks a lesson marks with a word of ours in the info string, e.g. {@code ```playground}. */
final class FencedBlocks {
    private FencedBlocks() {}

    /** Blocks whose info string is {@code word} alone or {@code word} followed by options, in document order. */
    static List<FencedCodeBlock> named(Node document, String word) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().strip();
                if (info.equals(word) || info.startsWith(word + " ")) {
                    blocks.add(block);
                }
            }
        });
        return blocks;
    }
}
