package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import playground.engine.Metric;

/**
 * One metric Keras's {@code compile} accepts: the name the widget offers, the other names Keras knows it by (each is
 * kept as the History key it is given), and the tasks it is meant for. Immutable; safe to share.
 *
 * @param measure what it computes, or null for {@code accuracy}, which the loss resolves (see {@link Metric#measure})
 */
public record MetricType(String name, List<String> aliases, List<String> tasks, String label, Metric.Measure measure) {

    public MetricType {
        aliases = List.copyOf(aliases);
        tasks = List.copyOf(tasks);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("aliases", aliases);
        m.put("tasks", tasks);
        m.put("label", label);
        return m;
    }
}
