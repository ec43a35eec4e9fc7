package playground.markdown.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;

/**
 * Attributes for the parent node, kept as an invisible first child so they travel with the node until
 * {@link AttributeListProvider} writes them into the parent's tag.
 */
public final class AttributeList extends CustomNode {
    private final Map<String, String> attributes = new LinkedHashMap<>();

    public Map<String, String> attributes() {
        return attributes;
    }

    /** The node's attribute list, created on first use. */
    public static AttributeList of(Node node) {
        if (node.getFirstChild() instanceof AttributeList existing) {
            return existing;
        }
        AttributeList list = new AttributeList();
        if (node.getFirstChild() == null) {
            node.appendChild(list);
        } else {
            node.getFirstChild().insertBefore(list);
        }
        return list;
    }

    /** The node's attributes, or an empty map. */
    public static Map<String, String> find(Node node) {
        return node.getFirstChild() instanceof AttributeList list ? list.attributes : Map.of();
    }

    public static boolean hasClass(Node node, String cls) {
        String classes = find(node).get("class");
        return classes != null && (" " + classes + " ").contains(" " + cls + " ");
    }
}
