package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family of models the widget's picker offers. The scikit-learn families are the estimator registry's
 * ({@code estimator_families}); this is the one beside them, the Keras network, which the picker lists first, with
 * the network a student starts from when picking it: one hidden layer of 16 relu units before the output layer the
 * data set's task asks for (the browser adds it), normalized inputs, Adam at 0.01, 50 epochs with a fifth held out.
 */
public record Family(String name, String label, Map<String, Object> start) {
    public static final Family NETWORK = new Family("network", "신경망", Map.of(
            "model", Map.of("normalize", true, "layers", List.of(Map.of("units", 16, "activation", "relu"))),
            "compile", Map.of("optimizer", Map.of("name", "adam", "learning_rate", 0.01)),
            "fit", Map.of("epochs", 50, "validation_split", 0.2)));

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("label", label);
        m.put("start", start);
        return m;
    }
}
