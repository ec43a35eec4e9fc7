package playground.runs;

import playground.data.Dataset;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.data.Samples;
import playground.engine.Activation;
import playground.engine.EarlyStopping;
import playground.engine.Examples;
import playground.engine.Floats;
import playground.engine.Loss;
import playground.engine.Metric;
import playground.engine.Optimizer;
import playground.engine.RSquared;
import playground.engine.Sequential;
import playground.engine.Trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import playground.document.DatasetSpec;
import playground.document.LayerSpec;
import playground.document.Summary;
import playground.document.RunSpec;
import playground.document.OptimizerSpec;

/**
 * One run in progress: the data split, the model and its trainer, advanced an epoch at a time. All randomness comes
 * from the run's seed (initialisation and shuffling each from their own split stream), so the same document and seed
 * give the same history bit for bit. Not thread-safe, but may be handed between threads, one at a time.
 */
public final class Training {
    private final RunSpec spec;
    private final long seed;
    private final Summary summary;
    private final DatasetInfo info;
    private final Loss loss;
    private final Examples test;
    private final Trainer trainer;
    /** The test split's class indices (classification), for the confusion matrix. */
    private final double[] testLabels;
    /** fit's EarlyStopping, or null. */
    private final EarlyStopping earlyStopping;
    private boolean stoppedEarly;

    private Training(RunSpec spec, long seed, Summary summary, DatasetInfo info, Loss loss, Examples test,
                     Trainer trainer, double[] testLabels) {
        this.spec = spec;
        this.seed = seed;
        this.summary = summary;
        this.info = info;
        this.loss = loss;
        this.test = test;
        this.trainer = trainer;
        this.testLabels = testLabels;
        this.earlyStopping = spec.fit().early_stopping() == null ? null : spec.fit().early_stopping().create();
    }

    public static Training start(RunSpec spec, long seed) {
        DatasetSpec ds = spec.dataset();
        Dataset data = Datasets.load(ds.name(), ds.samples(), ds.noise());
        Loss loss = Loss.byName(spec.compile().loss());
        int classes = data.info().classes().size();
        Examples all = examples(ds.inputs(data.train()), loss, classes);
        Examples test = examples(ds.inputs(data.test()), loss, classes);

        Sequential model = new Sequential(all.features(), spec.model().normalize());
        for (LayerSpec l : spec.model().layers()) {
            if (l.isDropout()) {
                model.addDropout(l.rate());
                continue;
            }
            Activation a = Activation.byName(l.activation());
            model.add(l.units(), a, l.alpha() != null ? l.alpha() : a.defaultAlpha(),
                    LayerSpec.orNone(l.kernel_regularizer()), LayerSpec.orNone(l.bias_regularizer()));
        }
        SplittableRandom root = new SplittableRandom(seed);
        model.initialize(root.split());
        model.adapt(all.x(), all.rows());  // as the notes: normalizer.adapt(X_train) before fit

        Examples train = all, validation = null;
        if (spec.fit().validation_split() > 0) {
            int splitAt = Examples.splitAt(all.rows(), spec.fit().validation_split());
            train = all.slice(0, splitAt);
            validation = all.slice(splitAt, all.rows());
        }
        List<Metric> metrics = new ArrayList<>();
        for (String m : spec.compile().metrics()) metrics.add(Metric.resolve(m, loss));
        Trainer trainer = new Trainer(model, loss, metrics, optimizer(spec.compile().optimizer()), train, validation,
                spec.fit().batch_size(), spec.fit().shuffle(), root.split());
        model.dropoutRandom(root.split());  // split after the others: a run without Dropout draws as before
        return new Training(spec, seed, spec.summary(), data.info(), loss, test, trainer, data.test().y());
    }

    /** Targets as the loss wants them: values, 0/1, class indices, or one-hot rows for categorical_crossentropy. */
    static Examples examples(Samples s, Loss loss, int classes) {
        if (loss != Loss.CATEGORICAL_CROSSENTROPY) {
            return new Examples(s.rows(), s.features(), s.x().clone(), 1, s.y().clone());
        }
        double[] oneHot = new double[s.rows() * classes];
        for (int r = 0; r < s.rows(); r++) oneHot[r * classes + (int) s.y()[r]] = 1;
        return new Examples(s.rows(), s.features(), s.x().clone(), classes, oneHot);
    }

    /** The engine's rule, built by the optimizer's registry entry. */
    static Optimizer optimizer(OptimizerSpec o) {
        return o.type().create(o.params());
    }

    public long seed() {
        return seed;
    }

    public Summary summary() {
        return summary;
    }

    public RunSpec spec() {
        return spec;
    }

    public int epochs() {
        return spec.fit().epochs();
    }

    public int epochsDone() {
        return trainer.epochsDone();
    }

    /** Every epoch is done, or EarlyStopping stopped the fit. */
    public boolean finished() {
        return stoppedEarly || trainer.epochsDone() >= epochs();
    }

    /**
     * Trains one epoch, checking {@code cancelled} before every batch.
     *
     * @throws CancelledException when {@code cancelled} answered true (the epoch is abandoned)
     * @throws DivergedException  when a loss of this epoch is NaN or infinite
     * @throws IllegalStateException when every epoch is already done
     */
    public EpochLogs nextEpoch(BooleanSupplier cancelled) throws CancelledException, DivergedException {
        if (finished()) throw new IllegalStateException("all " + epochs() + " epochs are done");
        Map<String, Double> logs = trainer.trainEpoch(cancelled);
        if (logs == null) throw new CancelledException(trainer.epochsDone());
        return checked(logs);
    }

    /**
     * Goes on training for about {@code maxOps} operations (whole steps, at least one): the scheduler's slice.
     *
     * @return the logs of the epoch that ended in this call, or null when it has not ended yet
     * @throws DivergedException when the ended epoch's loss is NaN or infinite
     */
    public EpochLogs advance(long maxOps) throws DivergedException {
        return advance(maxOps, () -> false);
    }

    /** As {@link #advance(long)}, stopping before the next batch once {@code stop} answers true. */
    public EpochLogs advance(long maxOps, BooleanSupplier stop) throws DivergedException {
        if (finished()) throw new IllegalStateException("all " + epochs() + " epochs are done");
        Map<String, Double> logs = trainer.advance(maxOps, stop);
        return logs == null ? null : checked(logs);
    }

    /** The batch losses of the epoch under way, or of the last one ended (a diverged epoch's curve). */
    public double[] batchLosses() {
        return trainer.batchLosses();
    }

    /** Work done so far, in {@link playground.engine.Footprint}'s operations. */
    public long opsDone() {
        return trainer.opsDone();
    }

    private EpochLogs checked(Map<String, Double> logs) {
        int epoch = trainer.epochsDone();
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            if ((e.getKey().equals("loss") || e.getKey().equals("val_loss")) && !Double.isFinite(e.getValue())) {
                throw new DivergedException(epoch, e.getKey(), e.getValue());
            }
        }
        if (earlyStopping != null) {
            stoppedEarly = earlyStopping.onEpochEnd(epoch - 1, logs, trainer.model());  // Keras counts from 0
            if (finished()) earlyStopping.onTrainEnd(trainer.model());
        }
        return new EpochLogs(epoch, logs);
    }

    /** Keras's EarlyStopping.stopped_epoch (0-based; 0 when it ran every epoch), or null without the callback. */
    public Integer stoppedEpoch() {
        return earlyStopping == null ? null : earlyStopping.stoppedEpoch();
    }

    /** The 0-based epoch of the best monitored value, or null without EarlyStopping. */
    public Integer bestEpoch() {
        return earlyStopping == null ? null : earlyStopping.bestEpoch();
    }

    /**
     * The test split's confusion matrix (rows: true class, columns: predicted), or null for a regression. A class is
     * predicted as Keras's accuracy reads the output: p &gt; 0.5 for one sigmoid unit, else the largest output.
     */
    public int[][] confusionMatrix() {
        if (DatasetInfo.REGRESSION.equals(info.task())) return null;
        int classes = info.classes().size(), outputs = trainer.model().outputs();
        double[] p = trainer.model().predict(test.x(), test.rows());
        int[][] matrix = new int[classes][classes];
        for (int r = 0; r < test.rows(); r++) {
            int predicted = 0;
            if (outputs == 1) {
                predicted = p[r] > 0.5 ? 1 : 0;
            } else {
                for (int k = 1; k < outputs; k++) if (p[r * outputs + k] > p[r * outputs + predicted]) predicted = k;
            }
            matrix[(int) testLabels[r]][predicted]++;
        }
        return matrix;
    }

    /** Loss and metrics on the test split, plus {@code r2} (regression) or {@code accuracy} (classification). */
    public Map<String, Double> test() {
        Map<String, Double> scores = new LinkedHashMap<>(trainer.evaluate(test));
        if (DatasetInfo.REGRESSION.equals(info.task())) {
            double[] predicted = trainer.model().predict(test.x(), test.rows());
            scores.put("r2", RSquared.of(predicted, test.y()));
        } else if (!scores.containsKey("accuracy")) {
            Metric accuracy = Metric.resolve("accuracy", loss);
            double[] predicted = trainer.model().predict(test.x(), test.rows());
            scores.put("accuracy", accuracy.total(Floats.of(predicted), Floats.of(test.y()), test.rows(),
                    trainer.model().outputs()) / test.rows());
        }
        return scores;
    }

    /** Loss and metrics of the current weights on {@code data} (Keras's {@code evaluate}). */
    public Map<String, Double> evaluate(Examples data) {
        return trainer.evaluate(data);
    }

    /** The model being trained (tests, predictions for a decision-boundary view). */
    public Sequential model() {
        return trainer.model();
    }
}
