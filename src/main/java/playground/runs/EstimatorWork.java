package playground.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import playground.sklearn.Cost;
import playground.sklearn.Estimator;
import playground.sklearn.FitRun;
import playground.sklearn.InvalidParamException;
import playground.sklearn.KMeans;
import playground.sklearn.Pipeline;

/**
 * A scikit-learn run (issue 15's document: {@code model.estimator}, {@code params}, {@code preprocess},
 * {@code dataset.split}) as the scheduler runs it. A fit is one step the estimator cannot pause, so admission bounds
 * its whole cost by the step limit; it stops between its own steps (trees, rounds, iterations) when told, and tells
 * the listener how it grows ({@link FitProgress}).
 */
final class EstimatorWork implements Work {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("dataset", "model", "seed");

    /** What the document asks for, validated: the fit's document, its estimated cost and the rows it fits on. */
    record Checked(Map<String, Object> document, String estimator, Cost cost, int trainRows, int testRows) {
        /** The estimate as the scheduler counts work (a whole number, kept far from overflow). */
        long ops() {
            return (long) Math.min(Long.MAX_VALUE / 2, cost.ops());
        }
    }

    private final Checked checked;
    private final long seed;
    private final LongSupplier clock;
    private FitProgress progress;
    private boolean fitted;

    EstimatorWork(Checked checked, long seed, LongSupplier clock) {
        this.checked = checked;
        this.seed = seed;
        this.clock = clock;
    }

    /** Whether a run document names a scikit-learn estimator rather than Keras layers. */
    static boolean isEstimator(JsonNode document) {
        return document != null && document.path("model").has("estimator");
    }

    /** Validates with scikit-learn's names, defaults and ranges; the error names the field at fault. */
    static Checked check(JsonNode document) throws InvalidConfigException {
        if (!document.isObject()) throw new InvalidConfigException("", "JSON 객체({ ... })여야 합니다", document.toString());
        for (var names = document.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidConfigException(name, "알 수 없는 항목입니다. 쓸 수 있는 항목: dataset, model, seed",
                        document.get(name).toString());
            }
        }
        if (document.has("seed") && !document.get("seed").canConvertToLong()) {
            throw new InvalidConfigException("seed", "정수여야 합니다", document.get("seed").toString());
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = JSON.convertValue(document, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> model = (Map<String, Object>) doc.get("model");
            if (!(model.get("estimator") instanceof String name)) {
                throw new InvalidConfigException("model.estimator", "문자열이어야 합니다", String.valueOf(model.get("estimator")));
            }
            Estimator estimator = FitRun.model(model, 0);
            Estimator core = estimator instanceof Pipeline p ? p.estimator() : estimator;
            FitRun.Data data = FitRun.data(doc.get("dataset"), core instanceof KMeans);
            Cost cost = estimator.cost(data.train().size(), data.train().x()[0].length, data.classes());
            return new Checked(doc, name, cost, data.train().size(), data.test().size());
        } catch (InvalidParamException e) {
            throw new InvalidConfigException(e.field(), e.getMessage(), InvalidConfigException.MISSING);
        } catch (ClassCastException e) {
            throw new InvalidConfigException("model", "JSON 객체여야 합니다", InvalidConfigException.MISSING);
        }
    }

    /** Its resources: the fit is one step, so its whole work is its longest step too. */
    static RunResources resources(Checked checked) {
        return new RunResources(checked.ops(), checked.ops(), RunResources.FIXED_BYTES + (long) checked.cost().bytes());
    }

    @Override
    public void begin(RunListener listener) {
        listener.fitStarted(new FitStart(seed, checked.estimator(), checked.trainRows(), checked.testRows()));
    }

    @Override
    public boolean advance(long maxOps, BooleanSupplier stop, RunListener listener) {
        progress = new FitProgress(listener, stop, clock);
        Map<String, Object> result;
        try {
            result = FitRun.run(checked.document(), seed, progress);
        } catch (CancellationException e) {
            return false;  // the scheduler sees the stop at the next turn and tells the listener
        }
        fitted = true;
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("seed", seed);
        done.putAll(result);
        done.put("elapsed_ms", progress.elapsedMs());
        listener.fitted(done);
        return true;
    }

    @Override
    public long opsDone() {
        return fitted ? checked.ops() : 0;
    }

    @Override
    public int progress() {
        return progress == null ? 0 : progress.steps();
    }
}
