package playground.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import playground.loadtest.Abuse;
import playground.document.RunSpec;

/** A run's memory and work, known before it is built, against what building and training it really take. */
class RunResourcesTest {
    private static final String DOC = """
            {"dataset":"%s","seed":3,"model":{"normalize":%s,"layers":[%s]},
             "compile":{"optimizer":{"name":"%s"},"loss":"%s"},
             "fit":{"epochs":%d,"batch_size":%d,"validation_split":%s}}""";

    private static String dense(int units, int count, String last) {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < count; i++) layers.append("{\"units\":").append(units).append(",\"activation\":\"relu\"},");
        return layers + last;
    }

    /** Issue 12's first attack: inside the old 1e10 budget (6 × params × rows × epochs), ~100 MB of heap per run. */
    static final String HEAP_EXHAUSTION = Abuse.HEAP_EXHAUSTION;

    /** Bytes the calling thread allocates while {@code work} runs (garbage included). */
    static long allocatedBy(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "digits | true | 256 | 2 | adam | 128 | 0.2",
            "digits | false | 64 | 1 | sgd | 1 | 0.5",
            "boston_housing | true | 64 | 2 | rmsprop | 16 | 0.2",
            "iris | true | 32 | 3 | adagrad | 4096 | 0.0",
            "spiral | false | 16 | 2 | adam | 8 | 0.1"})
    void theEstimateCoversWhatBuildingTrainingAndTestingAllocate(String dataset, boolean normalize, int units,
                                                                  int layers, String optimizer, int batch,
                                                                  String split) throws Exception {
        boolean regression = dataset.equals("boston_housing");
        String last = regression ? "{\"units\":1}" : dataset.equals("spiral")
                ? "{\"units\":1,\"activation\":\"sigmoid\"}" : "{\"units\":10,\"activation\":\"softmax\"}";
        if (dataset.equals("iris")) last = "{\"units\":3,\"activation\":\"softmax\"}";
        String loss = regression ? "mse" : dataset.equals("spiral") ? "binary_crossentropy"
                : "sparse_categorical_crossentropy";
        RunSpec spec = RunSpec.parse(DOC.formatted(dataset, normalize, dense(units, layers, last), optimizer, loss,
                1, batch, split));
        long estimate = RunResources.of(spec).bytes() - RunResources.queuedFramesBytes(spec);  // the socket holds those
        Training.start(spec, 1);  // warm: the data set's cache and the classes are loaded once, for every run
        long allocated = allocatedBy(() -> {
            Training t = Training.start(spec, 1);
            t.advance(Long.MAX_VALUE);  // the optimizer's slots come with the first step
            t.test();
            DecisionPlane.of(spec).ifPresent(p -> p.points());
        });
        // (each plane grid allocates ~300 KB that it drops at once: young garbage, not what the run holds)
        // an upper bound on what the run holds, and not so loose that it refuses what fits
        assertTrue(estimate >= allocated * 0.9, dataset + ": estimate " + estimate + " < allocated " + allocated);
        assertTrue(estimate <= allocated * 2.5 + RunResources.FIXED_BYTES, dataset + ": estimate " + estimate
                + " far above allocated " + allocated);
    }

    /** A plane run's frames (grids and the network view, every few epochs) are work the estimate counts. */
    @Test
    void theEstimatedWorkCoversAPlaneRunsFramesAndNetworkView() throws Exception {
        RunSpec spec = RunSpec.parse(DOC.formatted("spiral", false, dense(16, 2, "{\"units\":1,\"activation\":\"sigmoid\"}"),
                "adam", "binary_crossentropy", 100, 16, "0.2"));
        int[] frames = new int[1];
        RunListener count = new SilentListener() {
            @Override
            public void grid(DecisionPlane.Grid grid) { if (grid.network() != null) frames[0]++; }
        };
        Work work = new KerasWork(spec, 1, System::nanoTime, true);
        work.begin(count);
        while (!work.advance(Long.MAX_VALUE, () -> false, count)) { /* one epoch a call */ }
        assertTrue(frames[0] >= 21, "frames with the network view: " + frames[0]);
        long estimate = RunResources.of(spec).ops();
        assertTrue(estimate >= work.opsDone() && estimate <= 2 * work.opsDone(),
                "estimate " + estimate + ", done " + work.opsDone());
    }

    @Test
    void aFramesEstimateCoversItsJsonWithoutBeingFarAboveIt() throws Exception {
        RunSpec spec = RunSpec.parse(DOC.formatted("spiral", false, dense(16, 2, "{\"units\":1,\"activation\":\"sigmoid\"}"),
                "adam", "binary_crossentropy", 1, 16, "0.2"));
        Training t = Training.start(spec, 1);
        t.advance(Long.MAX_VALUE);
        var grid = DecisionPlane.of(spec).orElseThrow().grid(t.model(), 1, NetworkView.of(spec));
        long chars = new ObjectMapper().writeValueAsString(grid).length();
        long estimate = RunResources.frameChars(t.model().widths(), true);
        assertTrue(estimate >= chars && estimate <= 2.5 * chars, "estimate " + estimate + ", JSON " + chars);
    }

    @Test
    void theHeapExhaustionDocumentIsRefusedBeforeAnythingIsAllocatedNamingWhatToShrink() throws Exception {
        RunSpec spec = RunSpec.parse(HEAP_EXHAUSTION);
        long oldCost = 6L * spec.summary().trainable_params() * spec.trainingRows() * spec.fit().epochs();
        assertTrue(oldCost <= 1e10, "the attack stayed inside the old budget: " + oldCost);
        RunResources r = RunResources.of(spec);
        assertTrue(r.bytes() > RunLimits.defaults().runBytesLimit(), "bytes " + r.bytes());
        Sandbox sandbox = new Sandbox(RunLimits.defaults(), null);  // refused before the scheduler is asked
        long allocated = allocatedBy(() -> {
            RunRefusedException e = assertThrows(RunRefusedException.class,
                    () -> sandbox.start(new ObjectMapper().readTree(HEAP_EXHAUSTION), null, false, "attacker"));
            assertEquals("too_expensive", e.code());
            assertTrue(e.getMessage().contains("메모리") && e.getMessage().contains("batch_size"), e.getMessage());
        });
        assertTrue(allocated < r.bytes() / 20, "refusing allocated " + allocated + " bytes");
    }

    @Test
    void aPreviewOfThatDocumentBuildsNoModel() throws Exception {
        Sandbox sandbox = new Sandbox(RunLimits.defaults(), null);
        var document = new ObjectMapper().readTree(HEAP_EXHAUSTION);
        sandbox.preview(document, "previewer");  // warm the data set's cache and the classes
        long[] params = new long[1];
        long allocated = allocatedBy(() -> {
            try {
                params[0] = sandbox.preview(document, "previewer").summary().trainable_params();
            } catch (RunRefusedException e) {
                throw new AssertionError(e);
            }
        });
        // its weights alone would be 4 bytes each, and the run several times that
        assertTrue(allocated < params[0], "a preview allocated " + allocated + " bytes for " + params[0] + " weights");
    }

    /** Issue 18: batch_size above 4096 is Keras's to accept; what it costs is admission's to judge. */
    @Test
    void aBatchAbove4096IsAcceptedAndJudgedByItsResources() throws Exception {
        String layers = dense(16, 1, "{\"units\":3,\"activation\":\"softmax\"}");
        RunSpec whole = RunSpec.parse(DOC.formatted("iris", "true", layers, "adam", "sparse_categorical_crossentropy",
                3, 100_000, "0.0"));
        assertNull(RunResources.of(whole).refusal(RunLimits.defaults()), "past the row count it is one batch");
        Training t = Training.start(whole, 1);
        t.advance(Long.MAX_VALUE);
        assertEquals(1, t.epochsDone());
        RunSpec heavy = RunSpec.parse(DOC.formatted("digits", "true", dense(512, 4, "{\"units\":10,\"activation\":\"softmax\"}"),
                "adam", "sparse_categorical_crossentropy", 1, 8192, "0.0"));
        assertNotNull(RunResources.of(heavy).refusal(RunLimits.defaults()), "digits in one batch of 512-unit layers is too big");
    }

    @Test
    void aStepTooSlowToInterruptIsRefusedEvenWhenTheWholeRunIsCheap() throws Exception {
        RunSpec spec = RunSpec.parse(DOC.formatted("digits", "true", dense(512, 2, "{\"units\":10,\"activation\":\"softmax\"}"),
                "adam", "sparse_categorical_crossentropy", 1, 1024, "0.0"));
        RunLimits limits = RunLimits.defaults().with(b -> b.stepOps = RunResources.of(spec).stepOps() / 2);
        String refusal = RunResources.of(spec).refusal(limits);
        assertNotNull(refusal);
        assertTrue(refusal.contains("한 배치") && refusal.contains("batch_size"), refusal);
        assertNull(RunResources.of(spec).refusal(RunLimits.defaults()));
    }

    @Test
    void validationRowsCostWorkEvenWhenTrainingRowsAreFew() throws Exception {
        String layers = dense(64, 2, "{\"units\":10,\"activation\":\"softmax\"}");
        RunSpec balanced = RunSpec.parse(DOC.formatted("digits", "true", layers, "adam",
                "sparse_categorical_crossentropy", 10, 32, "0.2"));
        RunSpec validationHeavy = RunSpec.parse(DOC.formatted("digits", "true", layers, "adam",
                "sparse_categorical_crossentropy", 10, 32, "0.99"));
        long oldBalanced = 6L * balanced.summary().trainable_params() * balanced.trainingRows() * 10;
        long oldHeavy = 6L * validationHeavy.summary().trainable_params() * validationHeavy.trainingRows() * 10;
        // the old estimate priced the validation-heavy run at under 2 % of the balanced one
        assertTrue(oldHeavy * 50 < oldBalanced);
        assertTrue(RunResources.of(validationHeavy).ops() * 5 > RunResources.of(balanced).ops(),
                RunResources.of(validationHeavy).ops() + " vs " + RunResources.of(balanced).ops());
        Map<String, Long> measured = Map.of(
                "balanced", timeOf(balanced), "validationHeavy", timeOf(validationHeavy));
        System.out.printf("validation-heavy run: estimate ratio %.2f, measured time ratio %.2f%n",
                (double) RunResources.of(validationHeavy).ops() / RunResources.of(balanced).ops(),
                (double) measured.get("validationHeavy") / measured.get("balanced"));
    }

    private static long timeOf(RunSpec spec) {
        Training t = Training.start(spec, 1);
        long start = System.nanoTime();
        while (!t.finished()) t.advance(Long.MAX_VALUE);
        return System.nanoTime() - start;
    }

    @Test
    void anUploadedTableIsPricedAsTheBundledTableWithTheSameRows() throws Exception {
        playground.data.DatasetInfo iris = playground.data.Datasets.info("iris").orElseThrow();
        var table = new playground.data.CsvText.Table(iris.features(), "species", iris.task(), iris.classes(),
                playground.data.Datasets.table("iris"));
        playground.data.Datasets.add("upload-pricing0000", "올린 CSV", "", table, 0.2,
                playground.data.Datasets.DATA_SEED, "test", "browser");
        try {
            String bundled = DOC.formatted("iris", "true", dense(32, 2, "{\"units\":3,\"activation\":\"softmax\"}"),
                    "adam", "sparse_categorical_crossentropy", 30, 8, "0.2");
            RunResources expected = RunResources.of(RunSpec.parse(bundled));
            assertEquals(expected, RunResources.of(RunSpec.parse(playground.RunDoc.of(bundled).dataset("upload-pricing0000").json())));
            assertTrue(expected.bytes() > RunResources.FIXED_BYTES);
        } finally {
            playground.data.Datasets.remove("upload-pricing0000");
        }
    }
}
