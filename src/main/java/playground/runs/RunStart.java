package playground.runs;

import playground.data.Datasets;

/**
 * What a run tells its owner when it starts: the seed (so it can be repeated), the Keras summary, and how the
 * data was cut, which gives the number of weight updates per epoch (ceil(training rows / batch size)).
 */
public record RunStart(long seed, Summary summary, int train_rows, int validation_rows, int steps_per_epoch) {
    static RunStart of(Training training) {
        RunSpec spec = training.spec();
        DatasetSpec ds = spec.dataset();
        int all = Datasets.load(ds.name(), ds.samples(), ds.noise()).train().rows();
        int train = spec.trainingRows();
        int steps = (train + spec.fit().batch_size() - 1) / spec.fit().batch_size();
        return new RunStart(training.seed(), training.summary(), train, all - train, steps);
    }
}
