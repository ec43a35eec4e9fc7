package playground.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final String SMALL = """
            {"dataset":"boston_housing","seed":1,"model":{"normalize":true,"layers":[{"units":4,"activation":"relu"},{"units":1}]},
             "compile":{"optimizer":{"name":"adam","learning_rate":0.01},"loss":"mse"},
             "fit":{"epochs":%d,"batch_size":32,"validation_split":0.2}}""";

    private static RunSpec spec(int epochs) throws InvalidConfigException {
        return RunSpec.parse(SMALL.formatted(epochs));
    }

    private static RunLimits limits(int workers, int maxActive, int queue) {
        return RunLimits.defaults().withWorkers(workers).withQueue(maxActive, queue);
    }

    /** Records what a run heard, in order. */
    static final class Recorder implements RunListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile long endedAt;
        /** Where several runs' epochs are logged in the order the workers ran them, each under {@code name}. */
        private final List<String> turns;
        private final String name;

        Recorder() {
            this(new CopyOnWriteArrayList<>(), "");
        }

        Recorder(List<String> turns, String name) {
            this.turns = turns;
            this.name = name;
        }

        @Override public void queued(int position) { events.add("queued " + position); }
        @Override public void started(RunStart start) { events.add("started"); }
        @Override public void epoch(EpochLogs logs) {
            events.add("epoch " + logs.epoch());
            synchronized (turns) {
                turns.add(name + " epoch " + logs.epoch());
            }
        }
        @Override public void done(Map<String, Double> test, long elapsedMs, LearnedWeights weights) { end("done"); }
        @Override public void cancelled(int epoch) { end("cancelled " + epoch); }
        @Override public void failed(String code, String message, String field) { end("failed " + code); }

        private void end(String event) {
            endedAt = System.nanoTime();
            events.add(event);
            ended.countDown();
        }

        String last() throws InterruptedException {
            assertTrue(ended.await(30, TimeUnit.SECONDS), "run did not end: " + events);
            return events.get(events.size() - 1);
        }
    }

    /** The last listener call comes just before the worker gives the run back; allow it that moment. */
    static void awaitIdle(Scheduler scheduler) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (scheduler.activeCount() + scheduler.queuedCount() > 0) {
            assertTrue(System.nanoTime() < until, "scheduler still busy");
            Thread.sleep(5);
        }
    }

    @Test
    void aShortRunSubmittedAfterALongOneFinishesFirstOnOneWorker() throws Exception {
        try (Scheduler scheduler = new Scheduler(limits(1, 8, 8))) {
            Recorder big = new Recorder();
            Recorder small = new Recorder();
            scheduler.submit(spec(400), 1, big);
            scheduler.submit(spec(3), 2, small);
            assertEquals("done", small.last());
            assertEquals("done", big.last());
            assertTrue(small.endedAt < big.endedAt, "round-robin lets the small run through first");
            assertEquals(List.of("started", "epoch 1", "epoch 2", "epoch 3", "done"), small.events);
        }
    }

    @Test
    void aNewRunTakesTheNextTurnSoItsFirstEpochComesAfterOneSlice() throws Exception {
        List<String> turns = new CopyOnWriteArrayList<>();
        try (Scheduler scheduler = new Scheduler(limits(1, 8, 8))) {
            for (int i = 0; i < 5; i++) scheduler.submit(spec(400), i, new Recorder(turns, "busy"));
            while (turns.size() < 15) Thread.sleep(1);
            int submittedAt;
            synchronized (turns) {  // no epoch is recorded between counting the turns and submitting
                submittedAt = turns.size();
                scheduler.submit(spec(400), 9, new Recorder(turns, "late"));
            }
            while (!turns.contains("late epoch 1")) Thread.sleep(1);
            // one worker: at most the slice in progress at the submission ran before the new run's first epoch
            int waitedFor = turns.indexOf("late epoch 1") - submittedAt;
            assertTrue(waitedFor <= 1, "the new run waited for " + waitedFor + " turns: " + turns);
        }
    }

    @Test
    void runsBeyondTheActiveLimitWaitAndHearTheirPosition() throws Exception {
        try (Scheduler scheduler = new Scheduler(limits(1, 1, 2))) {
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            Recorder third = new Recorder();
            scheduler.submit(spec(50), 1, first);
            scheduler.submit(spec(2), 2, second);
            scheduler.submit(spec(2), 3, third);
            assertThrows(SchedulerBusyException.class, () -> scheduler.submit(spec(2), 4, new Recorder()));
            assertEquals("done", third.last());
            assertEquals("queued 1", second.events.get(0));
            assertEquals(List.of("queued 2", "queued 1", "started"), third.events.subList(0, 3));
            awaitIdle(scheduler);
        }
    }

    @Test
    void cancellingAWaitingRunRemovesItFromTheQueueAtOnce() throws Exception {
        try (Scheduler scheduler = new Scheduler(limits(1, 1, 4))) {
            Recorder running = new Recorder();
            Recorder waiting = new Recorder();
            ScheduledRun first = scheduler.submit(spec(200), 1, running);
            ScheduledRun second = scheduler.submit(spec(2), 2, waiting);
            scheduler.cancel(second);
            assertEquals("cancelled 0", waiting.last());
            assertEquals(0, scheduler.queuedCount());
            scheduler.cancel(first);
            assertTrue(running.last().startsWith("cancelled "));
        }
    }

    @Test
    void aRunPastItsDeadlineStopsWithTimeout() throws Exception {
        RunLimits shortDeadline = limits(1, 4, 4).withDeadline(Duration.ofMillis(1));
        try (Scheduler scheduler = new Scheduler(shortDeadline)) {
            Recorder run = new Recorder();
            scheduler.submit(spec(1000), 1, run);
            assertEquals("failed timeout", run.last());
        }
    }

    @Test
    void shutdownStopsEveryRunWithShuttingDownAndRefusesNewOnes() throws Exception {
        Scheduler scheduler = new Scheduler(limits(1, 1, 4));
        Recorder active = new Recorder();
        Recorder queued = new Recorder();
        scheduler.submit(spec(1000), 1, active);
        scheduler.submit(spec(1000), 2, queued);
        scheduler.shutdown(5_000);
        assertEquals("failed shutting_down", active.last());
        assertEquals("failed shutting_down", queued.last());
        SchedulerBusyException refused = assertThrows(SchedulerBusyException.class,
                () -> scheduler.submit(spec(2), 3, new Recorder()));
        assertEquals("shutting_down", refused.code());
        scheduler.close();
    }
}
