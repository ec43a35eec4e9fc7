package playground.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import playground.data.Datasets;
import playground.sklearn.Cost;
import playground.sklearn.Estimator;
import playground.sklearn.FitRun;
import playground.sklearn.InvalidParamException;
import playground.sklearn.Sweep;
import playground.document.EstimatorDocument;
import playground.document.DatasetSpec;
import playground.document.InvalidConfigException;

/**
 * A scikit-learn run (issue 15's document: {@code model.estimator}, {@code params}, {@code preprocess},
 * {@code dataset.split}) as the scheduler runs it. A fit is one step the estimator cannot pause, so admission bounds
 * its whole cost by the step limit; it stops between its own steps (trees, rounds, iterations) when told, and tells
 * the listener how it grows ({@link FitProgress}).
 */
final class EstimatorWork implements Work {

    /**
     * What the document asks for, validated: the fit's document, its estimated cost (with the plane's grids), its
     * sweep's (total and the largest single fit; zero without a sweep), the rows it fits on, and the 2-D data set
     * whose plane it draws (null for any other).
     */
    record Checked(Map<String, Object> document, String estimator, String dataset, Cost cost, Cost sweep,
                   double sweepLargest, int trainRows, int testRows, DatasetSpec plane) {
        /** The estimate as the scheduler counts work (a whole number, kept far from overflow). */
        long ops() {
            return ops(cost.ops() + sweep.ops());
        }

        /** The longest uninterruptible step: the main fit or one value's fit of the sweep. */
        long stepOps() {
            return ops(Math.max(cost.ops(), sweepLargest));
        }

        static long ops(double ops) {
            return (long) Math.min(Long.MAX_VALUE / 4, ops);
        }
    }

    private final Checked checked;
    private final long seed;
    private final LongSupplier clock;
    private FitProgress progress;
    private Sweep sweep;
    private long sweepOps;
    private boolean fitted;

    EstimatorWork(Checked checked, long seed, LongSupplier clock) {
        this.checked = checked;
        this.seed = seed;
        this.clock = clock;
    }

    /** Whether a run document names a scikit-learn estimator rather than Keras layers. */
    static boolean isEstimator(JsonNode document) {
        return EstimatorDocument.is(document);
    }

    /** Validates ({@link EstimatorDocument}) and estimates what the fit, its plane and its sweep cost. */
    static Checked check(JsonNode document) throws InvalidConfigException {
        EstimatorDocument read = EstimatorDocument.read(document);
        try {
            Estimator estimator = read.estimator();
            FitRun.Data data = read.data();
            int features = data.train().x()[0].length;
            Cost fit = estimator.cost(data.train().size(), features, data.classes());
            Cost cost = new Cost(fit.ops() + FitRun.watchOps(estimator, data), fit.bytes() + FitRun.heldBytes(estimator, data));
            DatasetSpec plane = features == 2 ? new DatasetSpec(data.name(), data.samples(), data.noise()) : null;
            if (plane != null) cost = FitProgress.withPlanes(cost, estimator, data);
            Sweep sweep = read.sweep();
            Cost swept = sweep == null ? new Cost(0, 0) : sweep.total();
            double largest = 0;
            for (int i = 0; sweep != null && i < sweep.size(); i++) largest = Math.max(largest, sweep.cost(i).ops());
            return new Checked(read.document(), read.name(), data.name(), cost, swept, largest, data.train().size(),
                    data.test().size(), plane);
        } catch (InvalidParamException e) {
            throw EstimatorDocument.invalid(e);
        }
    }

    /** Its resources: each fit (a sweep's value, then the document's own) is one step; the memory of the largest. */
    static RunResources resources(Checked checked) {
        double bytes = Math.max(checked.cost().bytes(), checked.sweep().bytes());
        return new RunResources(checked.ops(), checked.stepOps(), RunResources.FIXED_BYTES + (long) bytes);
    }

    /**
     * Why this fit may not start under {@code limits} (one fit too big for a step or the memory, or the sweep's fits
     * together over the budget), in Korean, naming what to shrink; or null.
     */
    static RunRefusedException refusal(Checked checked, RunResources resources, RunLimits limits) {
        if (resources.bytes() > limits.runBytesLimit() || resources.stepOps() > limits.stepOps()) {
            return new RunRefusedException("too_expensive", String.format(Locale.ROOT,
                    "이 모델은 한 번에 학습하기에 너무 큽니다: 예상 %,d회 연산, %.1f MB (한도 %,d회, %.1f MB). "
                            + "n_estimators, max_depth, degree, n_init 또는 sweep의 가장 큰 값을 줄여 보세요.",
                    resources.stepOps(), resources.bytes() / 1048576.0, limits.stepOps(),
                    limits.runBytesLimit() / 1048576.0), "model.params");
        }
        if (resources.ops() > limits.costBudget()) {
            return new RunRefusedException("too_expensive", String.format(Locale.ROOT,
                    "이 sweep은 계산량이 너무 큽니다: 값 %d개를 모두 학습하면 예상 %,d회 연산 (한도 %,.0f회). "
                            + "model.sweep.values의 개수나 값, 또는 모델의 크기를 줄여 보세요.",
                    Sweep.count(checked.document()), resources.ops(), limits.costBudget()), "model.sweep.values");
        }
        return null;
    }

    @Override
    public void begin(RunListener listener) {
        progress = new FitProgress(listener, clock);
        listener.fitStarted(new FitStart(seed, checked.estimator(), checked.trainRows(), checked.testRows()));
        DatasetSpec d = checked.plane();
        if (d != null) {
            DecisionPlane plane = DecisionPlane.of(Datasets.load(d.name(), d.samples(), d.noise())).orElseThrow();
            listener.points(plane.points());
            progress.drawOn(plane);
        }
    }

    /** One fit a turn: the sweep's values first, then the document's own. */
    @Override
    public boolean advance(long maxOps, BooleanSupplier stop, RunListener listener) {
        progress.stopWhen(stop);
        Map<String, Object> result;
        try {
            if (sweep == null) sweep = Sweep.of(checked.document(), seed);
            if (sweep != null && sweep.done() < sweep.size()) {
                int i = sweep.done();
                progress.swept(sweep.next(progress), sweep.size());
                sweepOps += Checked.ops(sweep.cost(i).ops());
                return false;
            }
            result = FitRun.run(checked.document(), seed, progress);
        } catch (CancellationException e) {
            return false;  // the scheduler sees the stop at the next turn and tells the listener
        } catch (InvalidParamException e) {
            // a rule only the rows can check (n_neighbors ≤ training rows, max_features ≤ features): the student's
            // mistake, named as a validation error is, not the server's
            listener.failed("invalid_config", e.getMessage(), e.field());
            return true;
        } catch (ArithmeticException e) {
            // Cholesky on a system rounding made indefinite (Ridge on huge PolynomialFeatures columns)
            listener.failed("diverged", "이 설정은 수치적으로 풀 수 없습니다 (행렬이 양의 정부호가 아닙니다). 규제(alpha)를 키우거나, "
                    + "PolynomialFeatures의 degree를 줄이거나, 앞에 StandardScaler를 넣어 보세요.", "model.params");
            return true;
        }
        fitted = true;
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("seed", seed);
        done.putAll(result);
        if (sweep != null) done.put("sweep", sweep.json());
        progress.finalPlane().ifPresent(plane -> done.put("plane", plane));
        if (!progress.depthPlanes().isEmpty()) done.put("depth_planes", progress.depthPlanes());
        done.put("elapsed_ms", progress.elapsedMs());
        listener.fitted(done);
        return true;
    }

    @Override
    public long opsDone() {
        return fitted ? checked.ops() : sweepOps;
    }

    @Override
    public int progress() {
        return progress == null ? 0 : progress.steps();
    }
}
