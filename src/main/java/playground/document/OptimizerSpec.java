package playground.document;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import playground.vocabulary.OptimizerType;
import playground.vocabulary.Param;
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

    /**
     * The document's shape: its name, then each hyper-parameter as a number; a switch at its default is left out,
     * so documents stay as written (amsgrad is rarely sent).
     */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        for (Param p : type().params()) {
            Object v = params.get(p.name());
            if (v instanceof Boolean b) {
                if (!b.equals(p.defaultValue())) json.put(p.name(), b);
            } else {
                json.put(p.name(), ((Number) v).doubleValue());
            }
        }
        return json;
    }

    /** Its registry entry. */
    public OptimizerType type() {
        return Vocabulary.optimizer(name).orElseThrow();
    }
}
