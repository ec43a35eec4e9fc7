package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import playground.engine.Activation;

/**
 * One activation function. Immutable; safe to share.
 *
 * @param name          the run document's (and Keras's) name
 * @param label         what the widget's menu shows
 * @param alpha         its one parameter (leaky_relu's slope, elu's scale), or null when it has none
 * @param kerasFunction the alpha {@code keras.activations.NAME} (the string {@code activation='NAME'}) uses, or null
 * @param kerasLayer    the Keras layer that applies it with any alpha, or null when the string form always does
 */
public record ActivationType(String name, String label, Param alpha, Double kerasFunction, KerasLayer kerasLayer) {

    /** {@code keras.layers.LeakyReLU(negative_slope=0.3)}: the class, its alpha's keyword and its default. */
    public record KerasLayer(String cls, String arg, double defaultValue) {}

    public Activation engine() {
        return Activation.byName(name);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("label", label);
        m.put("params", alpha == null ? List.of() : List.of(alpha.json()));
        return m;
    }
}
