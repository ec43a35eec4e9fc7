package playground.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.loadtest.FleetRequirement;
import playground.loadtest.RedisServer;
import playground.loadtest.TrainClient;
import playground.runs.RunLimits;
import playground.document.RunSpec;
import playground.runs.Runner;
import playground.runs.Sandbox;
import playground.runs.Scheduler;
import playground.server.Site;
import playground.server.TrainService;
import redis.clients.jedis.UnifiedJedis;

/**
 * A cluster in one JVM: a real Redis, the real site as a web process (its socket's runs go to Redis) and workers
 * in-process. What a student's page sees, and what a hostile one cannot do.
 */
class ClusterRunsIT {
    /** The notes' model, 30 epochs of one-row batches: long enough to stop a worker in the middle. */
    private static final String SLOW_RUN = RunDoc.notes().epochs(30).batchSize(1).json();
    /** 1000 epochs of one-row steps on a wider model: a minute or more, long enough to stop or to leave in the middle. */
    private static final String LONG_RUN = RunDoc.of(SLOW_RUN).epochs(1000).units(0, 512).units(1, 128).json();
    private static final String SHORT_RUN = RunDoc.notes().epochs(12).json();
    private static final RunLimits LIMITS = RunLimits.defaults().withWorkers(1).withStartsPerMinute(1000)
            .withCostBudget(1e12).withDeadline(java.time.Duration.ofMinutes(5));

    private static RedisServer server;
    private static UnifiedJedis redis;
    private static Site site;
    private static ClusterRuns runs;
    private final List<Worker> workers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        FleetRequirement.check();
        server = RedisServer.start(Files.createTempDirectory("pg-cluster"));
        redis = Redis.connect(server.url());
        TrainService web = new TrainService(LIMITS, Set.of());
        runs = new ClusterRuns(Redis.connect(server.url()), web.sandbox());
        Path content = Files.createTempDirectory("pg-content");
        Files.writeString(content.resolve("index.md"), "---\ntitle: 시험\n---\n# 시험\n");
        site = Site.start(content, web.withRemoteRuns(runs), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) site.close();
        if (runs != null) runs.close();
        if (redis != null) redis.close();
        if (server != null) server.close();
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(Worker::close);
    }

    private Worker worker() {
        Worker worker = new Worker(Redis.connect(server.url()), new Sandbox(LIMITS, new Scheduler(LIMITS)), 8, 1_000);
        workers.add(worker);
        return worker;
    }

    private static List<Double> losses(List<JsonNode> events) {
        List<Double> loss = new ArrayList<>();
        for (JsonNode event : events) {
            switch (event.path("type").asText()) {
                case "epoch" -> loss.add(event.path("logs").path("loss").asDouble());
                case "epochs" -> event.path("items").forEach(item -> loss.add(item.path("logs").path("loss").asDouble()));
                default -> { }
            }
        }
        return loss;
    }

    private static List<Double> seedsOwn(String document) throws Exception {
        RunSpec spec = RunSpec.parse(document);
        return Runner.run(spec, spec.seed()).history().get("loss");
    }

    @Test
    void aRunTrainsOnAWorkerItsEventsNumberedAndItsRecordsBoundedAndExpiring() throws Exception {
        worker();
        try (TrainClient page = TrainClient.open(site.port(), "student", null)) {
            page.start(SHORT_RUN);
            List<JsonNode> events = page.until("done", 60);
            assertTrue(TrainClient.reached(events, "done"), events.toString());
            String run = events.get(0).path("run").asText();
            assertTrue(Keys.RUN_ID.matcher(run).matches(), "an unguessable run id: " + events.get(0));
            long previous = 0;
            for (JsonNode event : events.subList(2, events.size())) {
                assertTrue(event.path("i").asLong() > previous, "numbered in order: " + event);
                previous = event.path("i").asLong();
            }
            assertEquals(seedsOwn(SHORT_RUN), losses(events));

            // acknowledged in the pipeline that wrote `done`: from then on the records live a minute
            long until = System.nanoTime() + 5_000_000_000L;
            while (redis.ttl(Keys.events(run)) > Keys.ENDED_SECONDS && System.nanoTime() < until) Thread.sleep(20);
            long ttl = redis.ttl(Keys.events(run));
            assertTrue(ttl > 0 && ttl <= Keys.ENDED_SECONDS, "a finished run's stream expires soon: ttl " + ttl);
            long recordTtl = redis.ttl(Keys.run(run));
            assertTrue(recordTtl > 0 && recordTtl <= Keys.ENDED_SECONDS, "and its record: ttl " + recordTtl);
            assertEquals(previous, redis.xlen(Keys.events(run)), "one entry per event");
            assertEquals(0, redis.xlen(Keys.JOBS), "the finished job was acknowledged and deleted");
        }
    }

    @Test
    void onlyTheBrowserThatStartedARunMayResumeItAndFromWhereItWas() throws Exception {
        worker();
        List<JsonNode> first;
        String run;
        try (TrainClient page = TrainClient.open(site.port(), "owner", null)) {
            page.start(SHORT_RUN);
            first = page.until("started", 30);
            run = first.get(0).path("run").asText();
            page.abort();  // the socket drops after `started`, as when a web process dies
        }
        JsonNode refused;
        try (TrainClient other = TrainClient.open(site.port(), "intruder", null)) {
            other.send("{\"type\":\"resume\",\"run\":\"" + run + "\",\"last\":0}");
            refused = other.until("error", 10).get(0);
            assertEquals("not_found", refused.path("code").asText(), refused.toString());
            other.send("{\"type\":\"resume\",\"run\":\"" + run + "\",\"last\":0}");
            JsonNode again = other.until("error", 10).get(0);
            assertEquals("invalid_message", again.path("code").asText(), "one resume per socket: " + again);
        }
        try (TrainClient other = TrainClient.open(site.port(), "intruder", null)) {
            other.send("{\"type\":\"resume\",\"run\":\"" + "0".repeat(32) + "\",\"last\":0}");
            assertEquals(refused, other.until("error", 10).get(0), "a guessed id answers exactly the same");
        }
        long last = first.get(first.size() - 1).path("i").asLong();
        try (TrainClient again = TrainClient.open(site.port(), "owner", null)) {
            again.send("{\"type\":\"resume\",\"run\":\"" + run + "\",\"last\":" + last + "}");
            List<JsonNode> rest = again.until("done", 60);
            assertTrue(TrainClient.reached(rest, "done"), rest.toString());
            assertEquals("summary", rest.get(0).path("type").asText(), "it goes on after `started`: " + rest.get(0));
            assertEquals(seedsOwn(SHORT_RUN), losses(rest), "every epoch once");
        }
    }

    @Test
    void stopCancelsARunOnItsWorkerAndARunNobodyFollowsIsCancelledWhenItsLeaseLapses() throws Exception {
        worker();
        try (TrainClient page = TrainClient.open(site.port(), "stopper", null)) {
            page.start(LONG_RUN);
            page.until("epochs", 30);
            page.send("{\"type\":\"stop\"}");
            List<JsonNode> events = page.until("cancelled", 30);
            assertTrue(TrainClient.reached(events, "cancelled"), events.toString());
            int reached = events.get(events.size() - 1).path("epoch").asInt();
            assertTrue(reached < 1000, "stopped in the middle, after epoch " + reached);
        }
        String run;
        try (TrainClient page = TrainClient.open(site.port(), "leaver", null)) {
            page.start(LONG_RUN);
            run = page.until("started", 30).get(0).path("run").asText();
            page.abort();  // the tab closed: no stop, no resume
        }
        long until = System.nanoTime() + (Keys.LEASE_SECONDS + 15) * 1_000_000_000L;
        String last = "";
        while (!last.startsWith("{\"type\":\"cancelled\"") && System.nanoTime() < until) {
            Thread.sleep(200);
            var top = redis.xrevrange(Keys.events(run), "+", "-", 1);
            last = top.isEmpty() ? "" : top.get(0).getFields().get("e");
        }
        assertTrue(last.startsWith("{\"type\":\"cancelled\""), "the worker stopped training for nobody: " + last);
    }

    @Test
    void aRunThatBroughtDownThreeWorkersIsNotTriedAgain() throws Exception {
        try (TrainClient page = TrainClient.open(site.port(), "poisoner", null)) {
            page.start(SHORT_RUN);
            String run = page.until("queued", 30).get(0).path("run").asText();
            redis.hset(Keys.run(run), "attempts", String.valueOf(Worker.MAX_ATTEMPTS));  // three workers took it and died
            worker();
            List<JsonNode> events = page.until("error", 30);
            JsonNode last = events.get(events.size() - 1);
            assertEquals("internal", last.path("code").asText(), events.toString());
            assertEquals(Worker.GAVE_UP, last.path("message").asText());
            assertTrue(losses(events).isEmpty(), "nothing trained: " + events);
        }
    }

    @Test
    void aRunWhoseWorkerStopsIsFinishedByAnotherFromItsSeedWithEveryEpochOnce() throws Exception {
        Worker first = worker();
        try (TrainClient page = TrainClient.open(site.port(), "patient", null)) {
            page.start(SLOW_RUN);
            List<JsonNode> events = new ArrayList<>(page.until("started", 30));
            while (losses(events).size() < 3) {
                JsonNode event = page.events.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(event != null, "epochs come: " + events);
                events.add(event);
            }
            first.close();  // its run ends as shutting_down, which is not written: the job stays pending
            long claimedBefore = redis.exists(Keys.CLAIMED) ? Long.parseLong(redis.get(Keys.CLAIMED)) : 0;
            worker();
            events.addAll(page.until("done", 90));
            assertTrue(TrainClient.reached(events, "done"), events.toString());
            assertEquals(claimedBefore + 1, Long.parseLong(redis.get(Keys.CLAIMED)), "the second worker took it over");
            assertEquals(seedsOwn(SLOW_RUN), losses(events), "the re-run's epochs continue the first's, none twice");
            assertTrue(events.stream().noneMatch(e -> e.path("type").asText().equals("error")), events.toString());
        }
    }
}
