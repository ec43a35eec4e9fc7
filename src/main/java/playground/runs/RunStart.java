package playground.runs;

import playground.document.DataRows;
import playground.document.Summary;
/**
 * What a run tells its owner when it starts: the seed (so it can be repeated), the Keras summary, and how the
 * data was cut, which gives the number of weight updates per epoch (ceil(training rows / batch size)).
 */
public record RunStart(long seed, Summary summary, int train_rows, int validation_rows, int steps_per_epoch) {
    static RunStart of(Training training) {
        DataRows rows = training.spec().rows();
        int batch = training.spec().fit().batch_size();
        int steps = (rows.train() + batch - 1) / batch;
        return new RunStart(training.seed(), training.summary(), rows.train(), rows.validation(), steps);
    }
}
