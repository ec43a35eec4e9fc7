package playground.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras's {@code History.history}: each log key's values, epoch by epoch, in the order the keys first came. */
public final class HistoryLog {
    private final Map<String, List<Double>> history = new LinkedHashMap<>();

    public void add(EpochLogs epoch) {
        epoch.logs().forEach((key, value) -> history.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
    }

    public Map<String, List<Double>> history() {
        return history;
    }
}
