package playground.server;

import java.util.Map;
import java.util.function.Consumer;
import playground.runs.DecisionPlane;
import playground.runs.Divergence;
import playground.runs.EpochLogs;
import playground.runs.FitStart;
import playground.runs.FitStep;
import playground.runs.KerasOutcome;
import playground.runs.RunListener;
import playground.runs.RunStart;

/**
 * A run's events as the wire events of RUN-CONFIG.md, handed to a sink in order: the socket's outbox in one process,
 * a run's Redis stream on a cluster's worker. Called as a {@link RunListener} is, one call at a time per run.
 */
public final class WireEvents implements RunListener {
    /** Where the wire events go; {@code epoch} may be coalesced by the sink, everything else is sent as it is. */
    public interface Sink {
        void send(Object event);

        void epoch(EpochLogs logs);

        /** A picture of the plane: paced like epochs, never coalesced (the socket may thin them when many wait). */
        default void frame(Object event) {
            send(event);
        }
    }

    private final Sink sink;
    private final Consumer<String> ended;

    /** @param ended told the final event's code ({@code done}, {@code cancelled} or the error code) before it is sent */
    public WireEvents(Sink sink, Consumer<String> ended) {
        this.sink = sink;
        this.ended = ended;
    }

    @Override
    public void queued(int position) {
        sink.send(new Events.Queued(position));
    }

    @Override
    public void started(RunStart start) {
        sink.send(new Events.Started(start));
        sink.send(new Events.SummaryEvent(start.summary()));
    }

    @Override
    public void points(DecisionPlane.Points points) {
        sink.send(new Events.Points(points));
    }

    @Override
    public void grid(DecisionPlane.Grid grid) {
        sink.frame(new Events.Grid(grid));
    }

    @Override
    public void epoch(EpochLogs logs) {
        sink.epoch(logs);
    }

    @Override
    public void done(KerasOutcome outcome, long elapsedMs) {
        ended.accept("done");
        sink.send(new Events.Done(outcome, elapsedMs));
    }

    @Override
    public void fitStarted(FitStart start) {
        sink.send(new Events.FitStarted(start));
    }

    @Override
    public void step(FitStep step) {
        sink.send(Events.step(step));
    }

    @Override
    public void fitted(Map<String, Object> result) {
        ended.accept("done");
        sink.send(Events.fitted(result));
    }

    @Override
    public void cancelled(int epoch) {
        ended.accept("cancelled");
        sink.send(new Events.Cancelled(epoch));
    }

    @Override
    public void diverged(Divergence divergence) {
        ended.accept("diverged");
        sink.send(new Events.Diverged(divergence));
    }

    @Override
    public void failed(String code, String message, String field) {
        ended.accept(code);
        sink.send(new Events.Error(code, message, field));
    }

    /** A wire error event, for a sink that must answer without a run (a refusal on a cluster's worker). */
    public static Object error(String code, String message, String field) {
        return new Events.Error(code, message, field);
    }
}
