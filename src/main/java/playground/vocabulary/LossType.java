package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import playground.engine.Loss;

/**
 * One loss: its name, the Keras spellings of it, and the output layer it needs. Immutable; safe to share.
 *
 * @param name          the run document's (and Keras's) name
 * @param label         what the widget's menu shows
 * @param keras         the {@code keras.losses} class, {@code MeanSquaredError}
 * @param aliases       Keras's other string names for it ({@code mean_squared_error})
 * @param output        the last layer it compares with the targets
 * @param unitsWhy      why the last layer has that many units, as the validator's message says it
 * @param activationWhy why the last layer has that activation (when {@link Output#required})
 */
public record LossType(String name, String label, String keras, List<String> aliases, Output output, String unitsWhy,
                       String activationWhy) {

    /**
     * The output layer: {@code units} (null: one per class of the data set) and the activation, which the loss either
     * requires or only suggests (a regression may end in any activation but softmax).
     */
    public record Output(Integer units, String activation, boolean required) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("units", units == null ? "classes" : units);
            m.put("activation", activation);
            return m;
        }
    }

    public LossType {
        aliases = List.copyOf(aliases);
    }

    /** The engine's loss of this name. */
    public Loss engine() {
        return Loss.byName(name);
    }

    /** Whether Keras's string {@code s} (any case) names this loss. */
    boolean spelled(String s) {
        return name.equalsIgnoreCase(s) || aliases.stream().anyMatch(s::equalsIgnoreCase);
    }
}
