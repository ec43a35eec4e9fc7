package playground.markdown.internal;

import java.util.List;
import org.commonmark.node.CustomBlock;

/**
 * A {@code ```activations} block: the activation-function explorer ({@code web/js/activations.js}) mounts on it.
 *
 * @see Activations
 */
public final class ActivationsBlock extends CustomBlock {
    private final List<String> functions;
    private final String problem;

    /**
     * @param functions the Keras names to show, in the author's order
     * @param problem   null when the block is valid, else the message shown in its place
     */
    public ActivationsBlock(List<String> functions, String problem) {
        this.functions = List.copyOf(functions);
        this.problem = problem;
    }

    public List<String> functions() {
        return functions;
    }

    public String problem() {
        return problem;
    }
}
