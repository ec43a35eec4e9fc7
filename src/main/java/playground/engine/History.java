package playground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras's {@code History}: each log key with its value per epoch, keys in the order the first epoch gave them. */
public final class History {
    private final Map<String, List<Double>> history = new LinkedHashMap<>();

    void add(Map<String, Double> logs) {
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    /** The read-only view, like {@code history.history}. */
    public Map<String, List<Double>> asMap() {
        return Collections.unmodifiableMap(history);
    }

    public List<Double> get(String key) {
        return history.getOrDefault(key, List.of());
    }
}
