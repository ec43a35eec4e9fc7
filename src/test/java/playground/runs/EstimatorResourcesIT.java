package playground.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scikit-learn run's estimated memory against what its fits, sweeps, stages, planes and results really hold: the
 * live heap after a full collection at each step and at the end, less the heap before the run.
 */
class EstimatorResourcesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPLIT = "\"split\": {\"test_size\": 0.2, \"random_state\": 5}";

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Runs the work to its end on this thread, as the scheduler's turns would; with {@code peak}, the live heap's. */
    private static Map<String, Object> runAll(EstimatorWork work, long[] peak) {
        AtomicReference<Map<String, Object>> done = new AtomicReference<>();
        RunListener listener = new SilentListener() {
            @Override
            public void failed(String code, String message, String field) {
                throw new AssertionError(code + ": " + message);
            }

            @Override
            public void step(FitStep step) {
                if (peak != null) peak[0] = Math.max(peak[0], liveHeap());
            }

            @Override
            public void fitted(Map<String, Object> result) {
                done.set(result);
                if (peak != null) peak[0] = Math.max(peak[0], liveHeap());
            }
        };
        work.begin(listener);
        while (!work.advance(Long.MAX_VALUE, () -> false, listener)) {
            if (done.get() != null) break;
        }
        return done.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"dataset\": {\"name\": \"digits\", SPLIT}, \"model\": {\"estimator\": \"RandomForestClassifier\", \"params\": {\"n_estimators\": 30, \"random_state\": 0}}}",
            "{\"dataset\": {\"name\": \"digits\", SPLIT}, \"model\": {\"estimator\": \"AdaBoostClassifier\", \"params\": {\"n_estimators\": 30, \"random_state\": 0}}}",
            "{\"dataset\": {\"name\": \"digits\", SPLIT}, \"model\": {\"estimator\": \"KNeighborsClassifier\", \"sweep\": {\"param\": \"n_neighbors\", \"values\": [1, 3, 5, 7, 9]}}}",
            "{\"dataset\": \"digits\", \"seed\": 1, \"model\": {\"estimator\": \"KMeans\", \"params\": {\"n_clusters\": 10, \"n_init\": 3}, \"sweep\": {\"param\": \"n_clusters\", \"values\": [2, 6, 10]}}}",
            "{\"dataset\": {\"name\": \"spiral\", \"samples\": 2000, \"noise\": 0.2}, \"model\": {\"estimator\": \"RandomForestClassifier\", \"params\": {\"n_estimators\": 20, \"random_state\": 0}}}",
            "{\"dataset\": {\"name\": \"spiral\", \"samples\": 2000, \"noise\": 0.5}, \"model\": {\"estimator\": \"RandomForestClassifier\", \"params\": {\"n_estimators\": 20, \"bootstrap\": false, \"random_state\": 0}}}",
            "{\"dataset\": {\"name\": \"spiral\", \"samples\": 1000}, \"seed\": 2, \"model\": {\"estimator\": \"KMeans\", \"params\": {\"n_clusters\": 12}}}",
            "{\"dataset\": {\"name\": \"diabetes\", SPLIT}, \"model\": {\"estimator\": \"DecisionTreeRegressor\", \"params\": {\"random_state\": 0}}}",
            "{\"dataset\": {\"name\": \"boston_housing\", SPLIT}, \"model\": {\"estimator\": \"Ridge\", \"preprocess\": [{\"name\": \"PolynomialFeatures\", \"degree\": 2}]}}",
            "{\"dataset\": {\"name\": \"breast_cancer\", SPLIT}, \"model\": {\"estimator\": \"LogisticRegression\", \"params\": {\"max_iter\": 500}, \"preprocess\": [{\"name\": \"StandardScaler\"}]}}"})
    void theEstimateBoundsWhatTheRunAllocates(String text) throws Exception {
        JsonNode document = JSON.readTree(text.replace("SPLIT", SPLIT));
        EstimatorWork.Checked checked = EstimatorWork.check(document);
        RunResources estimate = EstimatorWork.resources(checked);
        runAll(new EstimatorWork(checked, 1, System::nanoTime), null);   // warm: the data set's cache, the classes
        long[] peak = {0};
        long before = liveHeap();
        Map<String, Object>[] result = new Map[1];
        long allocated = RunResourcesTest.allocatedBy(() -> result[0] = runAll(new EstimatorWork(checked, 1, System::nanoTime), peak));
        long held = peak[0] - before;
        assertTrue(result[0] != null && result[0].containsKey("elapsed_ms"));
        System.out.printf("estimator resources: %s estimate %,d bytes, held %,d, allocated %,d%n", checked.estimator(),
                estimate.bytes(), held, allocated);
        // an upper bound on what the run holds (the live heap after a full collection at each step and at the end;
        // other threads' garbage can only lower it) …
        assertTrue(estimate.bytes() >= held, checked.estimator() + ": estimate " + estimate.bytes() + " < held " + held);
        // … and not so loose that it refuses what fits: never above twice all the run allocated, garbage included
        assertTrue(estimate.bytes() <= 2 * allocated + RunResources.FIXED_BYTES, checked.estimator() + ": estimate "
                + estimate.bytes() + " far above the " + allocated + " allocated");
    }
}
