package playground.runs;

import com.fasterxml.jackson.databind.JsonNode;
import playground.data.Dataset;
import playground.data.Datasets;
import playground.data.Samples;
import playground.engine.Floats;
import playground.engine.Normalization;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.concurrent.ThreadLocalRandom;
import playground.document.Summary;
import playground.document.DatasetFile;
import playground.document.RunDocument;
import playground.document.RunSpec;
import playground.document.SklearnCode;
import playground.document.DataRows;
import playground.document.DatasetSpec;
import playground.document.KerasCode;
import playground.document.InvalidConfigException;

/**
 * The one door through which an untrusted run document reaches the trainer: validation, the cost budget,
 * the seed, then the fair scheduler. Thread-safe.
 */
public final class Sandbox {
    private final RunLimits limits;
    private final Scheduler scheduler;
    private final BiPredicate<String, String> mayUse;

    /** With the bundled and course sets only: no upload is anyone's. */
    public Sandbox(RunLimits limits, Scheduler scheduler) {
        this(limits, scheduler, (name, owner) -> Datasets.owner(name).isEmpty());
    }

    /** @param mayUse whether data set {@code name} may be used by {@code owner} (uploads are their browser's) */
    public Sandbox(RunLimits limits, Scheduler scheduler, BiPredicate<String, String> mayUse) {
        this.limits = limits;
        this.scheduler = scheduler;
        this.mayUse = mayUse;
    }

    /**
     * What the widget shows before any run: the Keras summary, the cost against the budget, the Keras code, and the
     * document's own row counts (as the started event counts them: {@code train_rows} after validation_split) and
     * the CSV files of its data set that the Keras code can read.
     */
    public record Preview(Summary summary, long cost, double budget, String keras, Normalized normalization,
                          int train_rows, int validation_rows, int test_rows, List<DatasetFile.Link> csv_files) {}

    /** What {@code Normalization.adapt} stores, shown as the notes print it; null when the model has none. */
    public record Normalized(List<String> features, double[] mean, double[] variance) {}

    public Preview preview(JsonNode document, String owner) throws RunRefusedException {
        RunSpec spec = validate(document, owner);
        Dataset data = spec.data();  // once: a generated set is made afresh on every load
        DataRows rows = spec.rows(data);
        return new Preview(spec.summary(), RunResources.of(spec, rows).ops(), limits.costBudget(), KerasCode.of(spec),
                normalized(spec, data.train()), rows.train(), rows.validation(), rows.test(),
                DatasetFile.links(spec.dataset()));
    }

    /**
     * The statistics {@code adapt} will store, computed from the data alone: a preview builds no model, so asking
     * for it costs one pass over the rows whatever the document's size.
     */
    private static Normalized normalized(RunSpec spec, Samples train) {
        if (!spec.model().normalize()) return null;
        Samples inputs = spec.dataset().inputs(train);
        float[][] stats = Normalization.statistics(inputs.x(), inputs.rows(), inputs.features());
        return new Normalized(spec.inputs(),
                Floats.widen(stats[0]), Floats.widen(stats[1]));
    }

    /**
     * What the widget shows before a scikit-learn run: the estimator, its cost against the budget (the whole run's,
     * sweep and planes included), the scikit-learn code and the rows it fits and tests on, and its data set's CSV files.
     */
    public record FitPreview(String estimator, long cost, double budget, String sklearn, int train_rows, int test_rows,
                             List<DatasetFile.Link> csv_files) {}

    /** Whether a document names a scikit-learn estimator ({@code model.estimator}) rather than Keras layers. */
    public static boolean isEstimator(JsonNode document) {
        return EstimatorWork.isEstimator(document);
    }

    public FitPreview fitPreview(JsonNode document, String owner) throws RunRefusedException {
        EstimatorWork.Checked checked = checkEstimator(document, owner);
        Long seed = document.path("seed").canConvertToLong() ? document.path("seed").asLong() : null;
        DatasetSpec files = checked.plane() != null ? checked.plane() : new DatasetSpec(checked.dataset(), null, null);
        List<DatasetFile.Link> links = new java.util.ArrayList<>(DatasetFile.links(files));
        DatasetFile whole = new DatasetFile(files, DatasetFile.WHOLE);   // what the code reads for a re-split
        links.add(new DatasetFile.Link(whole.fileName(), whole.url()));
        return new FitPreview(checked.estimator(), checked.ops(), limits.costBudget(),
                SklearnCode.of(checked.document(), seed), checked.trainRows(), checked.testRows(), links);
    }

    private EstimatorWork.Checked checkEstimator(JsonNode document, String owner) throws RunRefusedException {
        try {
            EstimatorWork.Checked checked = EstimatorWork.check(document);
            checkOwner(new DatasetSpec(checked.dataset(), null, null), owner);
            return checked;
        } catch (InvalidConfigException e) {
            throw refused(e);
        }
    }

    /** A run with an owner of its own (tests, the HTTP API without a browser). */
    public ScheduledRun start(JsonNode document, RunListener listener) throws RunRefusedException {
        return start(document, listener, false, "anonymous");
    }

    /**
     * Validates, admits by the run's estimated work, longest step and memory, and queues the run; the listener hears
     * everything after that. Nothing of the run is allocated before it is admitted.
     *
     * @param wantsPlane also send the data points and the model's output over the plane (2-D data sets)
     * @param owner      whose turn the run shares: the browser, so its runs together get one fair share
     */
    public ScheduledRun start(JsonNode document, RunListener listener, boolean wantsPlane, String owner)
            throws RunRefusedException {
        if (EstimatorWork.isEstimator(document)) return startEstimator(document, listener, owner);
        Admitted admitted = admitted(document, owner);
        return queue(admitted.spec.seed(), seed -> scheduler.submit(admitted.spec, admitted.resources, owner, seed,
                listener, wantsPlane));
    }

    /**
     * Refuses the document as {@link #start} would, without queuing it: a cluster's web process answers the student
     * at once, and a worker trains the run.
     */
    public void check(JsonNode document, String owner) throws RunRefusedException {
        if (EstimatorWork.isEstimator(document)) checkedEstimator(document, owner);
        else admitted(document, owner);
    }

    private record Admitted(RunSpec spec, RunResources resources) {}

    private Admitted admitted(JsonNode document, String owner) throws RunRefusedException {
        RunSpec spec = validate(document, owner);
        RunResources resources = RunResources.of(spec);
        String refusal = resources.refusal(limits);
        if (refusal != null) throw new RunRefusedException("too_expensive", refusal, null);
        return new Admitted(spec, resources);
    }

    /** A scikit-learn fit: one step the estimator cannot pause, so its whole cost must pass the step limit. */
    private ScheduledRun startEstimator(JsonNode document, RunListener listener, String owner)
            throws RunRefusedException {
        EstimatorWork.Checked checked = checkedEstimator(document, owner);
        RunResources resources = EstimatorWork.resources(checked);
        // NumPy seeds are 32-bit, as the fit command takes them
        Long asked = document.path("seed").canConvertToLong() ? document.path("seed").asLong() & 0xFFFFFFFFL : null;
        return queue(asked, seed -> scheduler.submit(new EstimatorWork(checked, seed, System::nanoTime), resources,
                owner, listener));
    }

    /** A scikit-learn document checked as a run would be: valid, the browser's own data, within the limits. */
    private EstimatorWork.Checked checkedEstimator(JsonNode document, String owner) throws RunRefusedException {
        EstimatorWork.Checked checked = checkEstimator(document, owner);
        RunRefusedException refusal = EstimatorWork.refusal(checked, EstimatorWork.resources(checked), limits);
        if (refusal != null) throw refusal;
        return checked;
    }

    /** Hands an admitted run to the scheduler, with the document's seed or a fresh one; a full queue is a refusal. */
    private static ScheduledRun queue(Long asked, Submission submission) throws RunRefusedException {
        long seed = asked != null ? asked : ThreadLocalRandom.current().nextLong(1, 100_000);
        try {
            return submission.submit(seed);
        } catch (SchedulerBusyException e) {
            throw new RunRefusedException(e.code(), e.getMessage(), null);
        }
    }

    @FunctionalInterface
    private interface Submission {
        ScheduledRun submit(long seed) throws SchedulerBusyException;
    }

    public void cancel(ScheduledRun run) {
        scheduler.cancel(run);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public RunLimits limits() {
        return limits;
    }

    /** The CSV file a download names (see {@link DatasetFile#of}); bad parameters are refused as a bad document is. */
    public DatasetFile datasetFile(String name, String file, String samples, String noise, String owner)
            throws RunRefusedException {
        try {
            DatasetFile found = DatasetFile.of(name, file, samples, noise);
            checkOwner(found.dataset(), owner);
            return found;
        } catch (InvalidConfigException e) {
            throw refused(e);
        }
    }

    /** Parses untrusted JSON text (a run document or a socket message) within the document caps. */
    public static JsonNode read(String text) throws RunRefusedException {
        try {
            return RunDocument.read(text);
        } catch (InvalidConfigException e) {
            throw refused(e);
        }
    }

    private RunSpec validate(JsonNode document, String owner) throws RunRefusedException {
        try {
            RunSpec spec = RunSpec.from(document);
            checkOwner(spec.dataset(), owner);
            return spec;
        } catch (InvalidConfigException e) {
            throw refused(e);
        }
    }

    /** Another browser's upload answers as one that is gone, so its name tells nothing. */
    private void checkOwner(DatasetSpec dataset, String owner) throws InvalidConfigException {
        if (!mayUse.test(dataset.name(), owner)) {
            throw new InvalidConfigException("dataset", RunDocument.UPLOAD_GONE, "\"" + dataset.name() + "\"");
        }
    }

    private static RunRefusedException refused(InvalidConfigException e) {
        // "" names the document itself (malformed JSON, a document that is not an object)
        return new RunRefusedException(e.code(), e.getMessage(), e.field());
    }
}
