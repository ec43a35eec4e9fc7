package playground.server;

import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import playground.runs.DecisionPlane;
import playground.runs.EpochLogs;
import playground.runs.LearnedWeights;
import playground.runs.FitStart;
import playground.runs.FitStep;
import playground.runs.RunStart;
import playground.runs.Summary;
import playground.runs.SummaryLayer;

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

    record Points(String type, List<double[]> train, List<double[]> test) {
        Points(DecisionPlane.Points points) {
            this("points", points.train(), points.test());
        }
    }

    record Grid(String type, int epoch, int size, double[] x_range, double[] y_range, double[] values, int[] classes) {
        Grid(DecisionPlane.Grid g) {
            this("grid", g.epoch(), g.size(), g.x_range(), g.y_range(), g.values(), g.classes());
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

    /** {@code weights} only for a one-layer model (omitted otherwise). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Done(String type, Map<String, Double> test, long elapsed_ms, LearnedWeights weights) {
        Done(Map<String, Double> test, long elapsedMs, LearnedWeights weights) {
            this("done", test, elapsedMs, weights);
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

    /** Also the body of every 4xx/5xx answer of the JSON API (without caring about {@code type}). */
    record Error(String type, String code, String message, String field) {
        Error(String code, String message, String field) {
            this("error", code, message, field);
        }
    }
}
