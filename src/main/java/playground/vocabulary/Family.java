package playground.vocabulary;

import java.util.Map;

/**
 * A family of models the widget's picker offers. The scikit-learn families are the estimator registry's
 * ({@code estimator_families}); this is the one beside them, the Keras network, which the picker lists first.
 */
public record Family(String name, String label) {
    public static final Family NETWORK = new Family("network", "신경망");

    Map<String, Object> json() {
        return Map.of("name", name, "label", label);
    }
}
