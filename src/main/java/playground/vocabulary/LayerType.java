package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A layer a model may stack, with its parameters (Keras's names and defaults). Immutable; safe to share. */
public record LayerType(String type, List<Param> params) {

    public LayerType {
        params = List.copyOf(params);
    }

    public Param param(String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException(type + " has no " + name);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("params", params.stream().map(Param::json).toList());
        return m;
    }
}
