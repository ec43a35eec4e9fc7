package playground.server;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import playground.runs.DecisionPlane;
import playground.runs.Divergence;
import playground.runs.NetworkView;
import playground.runs.EpochLogs;
import playground.runs.KerasOutcome;
import playground.runs.LearnedWeights;
import playground.runs.FitStart;
import playground.runs.FitStep;
import playground.runs.RunStart;
import playground.document.Summary;
import playground.document.SummaryLayer;

/** The websocket events of RUN-CONFIG.md, as records Jackson serialises; {@code type} comes first. */
final class Events {
    private Events() {}

    record Queued(String type, int position) {
        Queued(int position) {
            this("queued", position);
        }
    }

    record Started(String type, long seed, int train_rows, int validation_rows, int steps_per_epoch) {
        Started(RunStart start) {
            this("started", start.seed(), start.train_rows(), start.validation_rows(), start.steps_per_epoch());
        }
    }

    /** {@code network_max_hidden}: the hidden units up to which grids carry the network view. */
    record Points(String type, List<double[]> train, List<double[]> test, int network_max_hidden) {
        Points(DecisionPlane.Points points) {
            this("points", points.train(), points.test(), NetworkView.MAX_HIDDEN_UNITS);
        }
    }

    /** {@code network}: TensorFlow Playground's neuron view, for networks small enough to draw (omitted otherwise). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Grid(String type, int epoch, int size, double[] x_range, double[] y_range, double[] values, int[] classes,
                NetworkView.Frame network) {
        Grid(DecisionPlane.Grid g) {
            this("grid", g.epoch(), g.size(), g.x_range(), g.y_range(), g.values(), g.classes(), g.network());
        }
    }

    record SummaryEvent(String type, List<SummaryLayer> layers, long total_params, long trainable_params,
                        long non_trainable_params, String text) {
        SummaryEvent(Summary s) {
            this("summary", s.layers(), s.total_params(), s.trainable_params(), s.non_trainable_params(), s.toText());
        }
    }

    record Epoch(String type, int epoch, Map<String, Double> logs) {
        Epoch(EpochLogs logs) {
            this("epoch", logs.epoch(), logs.logs());
        }
    }

    record Epochs(String type, List<EpochLogs> items) {
        Epochs(List<EpochLogs> items) {
            this("epochs", items);
        }
    }

    /**
     * {@code feature_weights} only for a one-layer model, {@code weights} (Keras's get_weights order) up to the download
     * limit, {@code stopped_epoch} and {@code best_epoch} (0-based, as Keras) only with EarlyStopping.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Done(String type, Map<String, Object> test, long elapsed_ms, Integer stopped_epoch, Integer best_epoch,
                LearnedWeights feature_weights, List<Object> weights) {
        Done(KerasOutcome o, long elapsedMs) {
            this("done", o.test(), elapsedMs, o.stoppedEpoch(), o.bestEpoch(), o.featureWeights(), o.weights());
        }
    }

    /** A scikit-learn run's {@code started}: its seed, estimator and rows (it has no epochs or summary). */
    record FitStarted(String type, long seed, String estimator, int train_rows, int test_rows) {
        FitStarted(FitStart start) {
            this("started", start.seed(), start.estimator(), start.train_rows(), start.test_rows());
        }
    }

    /** A scikit-learn run grew: a tree, a round, a depth, an iteration, a node or a sweep's value, with what it shows. */
    static Map<String, Object> step(FitStep step) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("type", "step");
        event.put("kind", step.kind());
        event.put("index", step.index());
        event.put("total", step.total());
        event.put("elapsed_ms", step.elapsed_ms());
        event.putAll(step.detail());
        return event;
    }

    /** A scikit-learn run's {@code done}: the result document's fields after {@code type}. */
    static Map<String, Object> fitted(Map<String, Object> result) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("type", "done");
        event.putAll(result);
        return event;
    }

    record Cancelled(String type, int epoch) {
        Cancelled(int epoch) {
            this("cancelled", epoch);
        }
    }

    /** A diverged run's {@code error}: the error's fields, then the epoch that diverged and its batch losses. */
    record Diverged(String type, String code, String message, String field, int epoch, double[] batch_losses) {
        Diverged(Divergence d) {
            this("error", "diverged", d.message(), d.field(), d.epoch(), d.batch_losses());
        }
    }

    /** Also the body of every 4xx/5xx answer of the JSON API (without caring about {@code type}). */
    record Error(String type, String code, String message, String field) {
        Error(String code, String message, String field) {
            this("error", code, message, field);
        }
    }
}
