package playground.document;

import java.util.List;

/** An optional Normalization layer followed by Dense layers, with Dropout layers among them. */
public record ModelSpec(boolean normalize, List<LayerSpec> layers) {
    public ModelSpec {
        layers = List.copyOf(layers);
    }

    /** The Dense layers alone, in order: what has weights and units. */
    public List<LayerSpec> dense() {
        return layers.stream().filter(l -> !l.isDropout()).toList();
    }
}
