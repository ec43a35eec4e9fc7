package playground.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import playground.engine.Loss;
import playground.engine.Metric;
import playground.vocabulary.Param;
import playground.vocabulary.Remedies;

/**
 * Reads {@code fit.callbacks}: a list of {@code {"name": "EarlyStopping", ...}} with Keras's arguments and defaults.
 * The monitored quantity must be one the History will hold (Keras only warns and never stops; a student would wait
 * for a stop that cannot come). Stateless.
 */
final class CallbackDocument {
    private CallbackDocument() {}

    /** The EarlyStopping the list holds, or null (no list, or an empty one). */
    static EarlyStoppingSpec read(FieldReader fit, CompileSpec compile, boolean validates) throws InvalidConfigException {
        if (!fit.has("callbacks")) return null;
        JsonNode list = fit.get("callbacks");
        String path = fit.path("callbacks");
        if (!list.isArray()) {
            throw new InvalidConfigException(path, "콜백 객체의 배열이어야 합니다 (예: [{\"name\": \"EarlyStopping\","
                    + " \"patience\": 5}])", list.toString());
        }
        if (list.size() > 1) {
            throw new InvalidConfigException(path, "콜백은 EarlyStopping 하나만 쓸 수 있습니다", list.size() + "개");
        }
        if (list.isEmpty()) return null;
        FieldReader r = new FieldReader(list.get(0), path + "[0]");
        r.choice("name", Set.of(Remedies.EARLY_STOPPING_NAME), null);
        Set<String> allowed = new LinkedHashSet<>(List.of("name"));
        for (Param p : Remedies.EARLY_STOPPING) allowed.add(p.name());
        r.allowOnly(allowed);
        List<String> keys = historyKeys(compile, validates);
        String monitor = r.string("monitor", (String) Remedies.earlyStopping("monitor").defaultValue());
        if (!keys.contains(monitor)) {
            throw new InvalidConfigException(r.path("monitor"), "History에 있는 값이어야 합니다: " + String.join(", ", keys)
                    + (monitor.startsWith("val_") && !validates ? ". val_로 시작하는 값은 validation_split을 0보다 크게 해야"
                    + " 생깁니다" : ""), "\"" + monitor + "\"");
        }
        int patience = (int) r.integer(Remedies.earlyStopping("patience"));
        double minDelta = r.number(Remedies.earlyStopping("min_delta"));
        String mode = r.choice("mode", new LinkedHashSet<>(Remedies.MODES), "auto");
        boolean restore = (Boolean) r.value(Remedies.earlyStopping("restore_best_weights"));
        int start = (int) r.integer(Remedies.earlyStopping("start_from_epoch"));
        boolean maximise = mode.equals("auto") ? risesWhenBetter(monitor, compile) : mode.equals("max");
        return new EarlyStoppingSpec(monitor, patience, minDelta, mode, restore, start, maximise);
    }

    /** loss, each metric, then their val_ twins when the fit validates: the keys of Keras's History. */
    static List<String> historyKeys(CompileSpec compile, boolean validates) {
        List<String> keys = new ArrayList<>();
        keys.add("loss");
        keys.addAll(compile.metrics());
        if (validates) for (String k : List.copyOf(keys)) keys.add("val_" + k);
        return keys;
    }

    /** Keras's "auto": the loss falls when better, a metric goes its own direction (accuracies up, errors down). */
    private static boolean risesWhenBetter(String monitor, CompileSpec compile) {
        String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        if (name.equals("loss")) return false;
        Metric.Measure measure = Metric.measure(name, Loss.byName(compile.loss()));
        return measure != null && measure.isAccuracy();
    }
}
