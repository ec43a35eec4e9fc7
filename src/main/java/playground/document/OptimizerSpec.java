package playground.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Vocabulary;

/**
 * An optimizer and its hyper-parameters, every one it has in {@link Vocabulary#OPTIMIZERS} filled in (Keras's
 * defaults for omitted ones), in the registry's order: a Double for a number, a Boolean for a switch.
 */
public record OptimizerSpec(String name, Map<String, Object> params) {

    public OptimizerSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public double learning_rate() {
        return ((Number) params.get("learning_rate")).doubleValue();
    }

    /** The value of hyper-parameter {@code param}, or null when this optimizer has none of that name. */
    public Object param(String param) {
        return params.get(param);
    }

    /** Adam's amsgrad switch, null for the others (the memory estimate reads it). */
    public Boolean amsgrad() {
        return (Boolean) params.get("amsgrad");
    }

    /** Its registry entry. */
    public OptimizerType type() {
        return Vocabulary.optimizer(name).orElseThrow();
    }
}
