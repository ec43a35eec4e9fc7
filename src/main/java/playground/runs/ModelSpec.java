package playground.runs;

import java.util.List;

/** An optional Normalization layer followed by Dense layers. */
public record ModelSpec(boolean normalize, List<LayerSpec> layers) {
    public ModelSpec {
        layers = List.copyOf(layers);
    }
}
