package playground.vocabulary;

import java.util.Map;

/** An optimizer's validated hyper-parameters by name, as its factory reads them. Immutable when its map is. */
public record Settings(Map<String, Object> values) {

    public double number(String name) {
        return ((Number) required(name)).doubleValue();
    }

    public boolean flag(String name) {
        return (Boolean) required(name);
    }

    private Object required(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no value for " + name + " in " + values);
        return v;
    }
}
