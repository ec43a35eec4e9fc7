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
import playground.Await;
import playground.document.InvalidConfigException;
import playground.document.RunSpec;

class SchedulerTest {
    private static final String SMALL = """
            {"dataset":"boston_housing","seed":1,"model":{"normalize":true,"layers":[{"units":4,"activation":"relu"},{"units":1}]},
             "compile":{"optimizer":{"name":"adam","learning_rate":0.01},"loss":"mse"},
             "fit":{"epochs":%d,"batch_size":32,"validation_split":0.2}}""";

    private static RunSpec spec(int epochs) throws InvalidConfigException {
        return RunSpec.parse(SMALL.formatted(epochs));
    }

    /**
     * A little more than one epoch of {@link #SMALL} (~460,000 operations): a turn ends at an epoch's end, so each
     * turn is exactly one epoch and the order of epochs shows the order of turns.
     */
    private static final long EPOCH_SLICE = 600_000;

    private static RunLimits limits(int workers, int maxActive, int queue) {
        return RunLimits.defaults().withWorkers(workers).withQueue(maxActive, queue).with(b -> b.sliceOps = EPOCH_SLICE);
    }

    private static ScheduledRun submit(Scheduler scheduler, String owner, int epochs, RunListener listener)
            throws Exception {
        RunSpec spec = spec(epochs);
        return scheduler.submit(spec, RunResources.of(spec), owner, 1, listener, false);
    }

    /** Records what a run heard, in order. */
    static class Recorder implements RunListener {
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
        @Override public void done(KerasOutcome outcome, long elapsedMs) { end("done"); }
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

    /** The turns from {@code name}'s first epoch to its last. */
    private static List<String> whileTraining(List<String> all, String name) {
        List<String> turns = new java.util.ArrayList<>(all);  // a snapshot: other runs may still be training
        int first = -1, last = -1;
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).startsWith(name + " ")) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return turns.subList(first, last + 1);
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
    void aNewcomerStartsLevelWithTheLeastServedSoItsFirstEpochComesWithinTwoTurns() throws Exception {
        List<String> turns = new CopyOnWriteArrayList<>();
        try (Scheduler scheduler = new Scheduler(limits(1, 16, 8))) {
            for (int i = 0; i < 8; i++) scheduler.submit(spec(400), i, new Recorder(turns, "busy" + i));
            // every busy run has had its turns (else the late one rightly waits behind newcomers like itself)
            for (int i = 0; i < 8; i++) {
                String second = "busy" + i + " epoch 2";
                Await.until(Duration.ofSeconds(30), () -> turns.contains(second), second + " in " + turns);
            }
            int submittedAt;
            synchronized (turns) {  // no epoch is recorded between counting the turns and submitting
                submittedAt = turns.size();
                scheduler.submit(spec(400), 9, new Recorder(turns, "late"));
            }
            Await.until(Duration.ofSeconds(30), () -> turns.contains("late epoch 1"), "late epoch 1 in " + turns);
            // the turn in progress, then at most the owners as little served (a ninth in line would wait for 8)
            int waitedFor = turns.indexOf("late epoch 1") - submittedAt;
            assertTrue(waitedFor <= 3, "the new run waited for " + waitedFor + " epochs: " + turns);
        }
    }

    @Test
    void aBrowsersRunsShareOneTurnSoItsFourRunsDoNotCrowdOutAClassmate() throws Exception {
        List<String> turns = new CopyOnWriteArrayList<>();
        try (Scheduler scheduler = new Scheduler(limits(1, 8, 8))) {
            List<Recorder> greedy = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Recorder r = new Recorder(turns, "greedy");
                greedy.add(r);
                submit(scheduler, "greedy-browser", 60, r);
            }
            Recorder classmate = new Recorder(turns, "classmate");
            submit(scheduler, "classmate-browser", 60, classmate);
            assertEquals("done", classmate.last());
            // per run, the greedy browser would get four turns to the classmate's one; per browser, one
            List<String> window = whileTraining(turns, "classmate");
            long classmateEpochs = window.stream().filter(t -> t.startsWith("classmate")).count();
            long greedyEpochs = window.size() - classmateEpochs;
            assertTrue(greedyEpochs < 2 * classmateEpochs, greedyEpochs + " greedy epochs during the classmate's "
                    + classmateEpochs + ": " + window);
            for (Recorder r : greedy) assertEquals("done", r.last());
        }
    }

    @Test
    void startingAgainAndAgainDoesNotJumpTheQueue() throws Exception {
        List<String> turns = new CopyOnWriteArrayList<>();
        try (Scheduler scheduler = new Scheduler(limits(1, 16, 16))) {
            Recorder classmate = new Recorder(turns, "classmate");
            submit(scheduler, "classmate-browser", 80, classmate);
            // four sockets that cancel and start again as soon as each run has had a turn
            List<ScheduledRun> restarting = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) restarting.add(submit(scheduler, "restarter", 400, new Recorder(turns, "restarter")));
            while (classmate.ended.getCount() > 0) {
                for (int i = 0; i < restarting.size(); i++) {
                    scheduler.cancel(restarting.get(i));
                    restarting.set(i, submit(scheduler, "restarter", 400, new Recorder(turns, "restarter")));
                }
                Thread.sleep(2);
            }
            restarting.forEach(scheduler::cancel);
            assertEquals("done", classmate.last());
            List<String> window = whileTraining(turns, "classmate");
            long classmateEpochs = window.stream().filter(t -> t.startsWith("classmate")).count();
            long restarterEpochs = window.size() - classmateEpochs;
            assertTrue(restarterEpochs < 2 * classmateEpochs,
                    restarterEpochs + " restarter epochs while the classmate had " + classmateEpochs + ": " + window);
        }
    }

    @Test
    void aWorkerSurvivesAnErrorThrownInsideARunAndTheRunFailsAsInternal() throws Exception {
        try (Scheduler scheduler = new Scheduler(limits(1, 8, 8))) {
            Recorder broken = new Recorder() {
                @Override public void epoch(EpochLogs logs) {
                    throw new StackOverflowError("a bug deep in a run");
                }
            };
            scheduler.submit(spec(5), 1, broken);
            assertEquals("failed internal", broken.last());
            Recorder next = new Recorder();
            scheduler.submit(spec(3), 2, next);
            assertEquals("done", next.last());
            assertEquals(1, scheduler.workerCount());
            awaitIdle(scheduler);
        }
    }

    @Test
    void aWorkerSurvivesAListenerThatThrowsEvenWhenToldTheRunFailed() throws Exception {
        try (Scheduler scheduler = new Scheduler(limits(1, 8, 8))) {
            Recorder hopeless = new Recorder() {
                @Override public void epoch(EpochLogs logs) {
                    throw new OutOfMemoryError("simulated");
                }
                @Override public void failed(String code, String message, String field) {
                    super.failed(code, message, field);
                    throw new OutOfMemoryError("and again while told");
                }
            };
            scheduler.submit(spec(5), 1, hopeless);
            assertEquals("failed internal", hopeless.last());
            awaitIdle(scheduler);
            Recorder next = new Recorder();
            scheduler.submit(spec(3), 2, next);
            assertEquals("done", next.last());
            assertEquals(1, scheduler.workerCount());
        }
    }

    @Test
    void runsWhoseMemoryDoesNotFitTheHeapBudgetWaitEvenWithActiveSlotsFree() throws Exception {
        long bytes = RunResources.of(spec(200)).bytes();
        double fraction = 1.5 * bytes / Runtime.getRuntime().maxMemory();
        try (Scheduler scheduler = new Scheduler(limits(2, 8, 8).with(b -> b.heapFraction = fraction))) {
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            ScheduledRun running = submit(scheduler, "a", 200, first);
            submit(scheduler, "b", 3, second);
            assertEquals(1, scheduler.activeCount());
            assertEquals(1, scheduler.queuedCount());
            assertEquals(bytes, scheduler.activeBytes());
            scheduler.cancel(running);
            assertEquals("done", second.last());
            assertEquals("queued 1", second.events.get(0));
            awaitIdle(scheduler);
            assertEquals(0, scheduler.activeBytes());
        }
    }

    @Test
    void runsBeyondTheActiveLimitWaitAndHearTheirPosition() throws Exception {
        try (Scheduler scheduler = new Scheduler(limits(1, 1, 2))) {
            Recorder first = new Recorder();
            Recorder second = new Recorder();
            Recorder third = new Recorder();
            RunSpec slow = spec(1000), quick = spec(2);  // parsed first: submitting is then instant
            ScheduledRun running = scheduler.submit(slow, 1, first);
            scheduler.submit(quick, 2, second);
            scheduler.submit(quick, 3, third);
            assertThrows(SchedulerBusyException.class, () -> scheduler.submit(quick, 4, new Recorder()));
            scheduler.cancel(running);  // the long run gives way; the queue moves up
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
            assertTrue(run.events.contains("started"), "the deadline counts from the start: " + run.events);
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
