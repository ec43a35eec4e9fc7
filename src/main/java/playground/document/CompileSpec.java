package playground.document;

import java.util.List;

/** Keras's {@code compile}: optimizer, loss, metrics. */
public record CompileSpec(OptimizerSpec optimizer, String loss, List<String> metrics) {
    public CompileSpec {
        metrics = List.copyOf(metrics);
    }
}
