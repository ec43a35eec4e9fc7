package playground.vocabulary;

import java.util.List;

/**
 * What a data set's task asks of a model: the losses that fit it (the first one the default) and the metrics a new
 * document starts with; the output layer is the default loss's. Immutable; safe to share.
 *
 * @param name   {@code regression}, {@code binary} or {@code multiclass}, as {@link playground.data.DatasetInfo#task}
 */
public record Task(String name, String label, List<String> losses, List<String> metrics) {

    public Task {
        losses = List.copyOf(losses);
        metrics = List.copyOf(metrics);
    }

    public String defaultLoss() {
        return losses.get(0);
    }
}
