package playground.markdown.internal;

import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

/** Writes each node's {@link AttributeList} into its HTML tag (for code blocks, into {@code <pre>}). */
public final class AttributeListProvider implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if ((node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) && !tagName.equals("pre")) {
            return;
        }
        Ial.merge(attributes, AttributeList.find(node));
    }
}
