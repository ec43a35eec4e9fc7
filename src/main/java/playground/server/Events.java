package playground.server;

import java.util.List;
import java.util.Map;
import playground.runs.EpochLogs;
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

    record Started(String type, long seed) {
        Started(long seed) {
            this("started", seed);
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

    record Done(String type, Map<String, Double> test, long elapsed_ms) {
        Done(Map<String, Double> test, long elapsedMs) {
            this("done", test, elapsedMs);
        }
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
