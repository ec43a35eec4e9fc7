package playground.markdown.internal;

import java.util.Map;
import org.commonmark.node.CustomBlock;

/**
 * A {@code ```playground title="…" hide="…" lock="…" view="…"} block: a run document the widget mounts on.
 *
 * @see Widgets
 */
public final class WidgetBlock extends CustomBlock {
    private final String json;
    private final Map<String, String> options;
    private final String problem;

    /** @param problem null when the block is valid, else the message shown in its place */
    public WidgetBlock(String json, Map<String, String> options, String problem) {
        this.json = json;
        this.options = Map.copyOf(options);
        this.problem = problem;
    }

    public String json() {
        return json;
    }

    public Map<String, String> options() {
        return options;
    }

    public String problem() {
        return problem;
    }
}
