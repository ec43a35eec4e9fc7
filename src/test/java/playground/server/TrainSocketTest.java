package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;
import playground.runs.RunLimits;

/** The websocket of RUN-CONFIG.md against the real server on a loopback port. */
class TrainSocketTest {
    static final String NOTES_MODEL = RunDoc.notes().json();

    /** Long enough to still be running when the test acts: the notes' model, 1,000 epochs of batch 1. */
    /** A budget the long run fits (~6.5e10 operations, above the default: 10–30 s, so tests can stop it mid-way). */
    static final double LONG_RUN_BUDGET = 1e12;
    static final String LONG_RUN = RunDoc.notes().epochs(1000).batchSize(1).units(0, 256).json();

    @RegisterExtension
    static final RealSite server = RealSite.oneCourse().workers(2).queue(64, 64).startsPerMinute(1000)
            .costBudget(LONG_RUN_BUDGET);

    @Test
    void theNotesModelStreamsStartedSummaryEveryEpochThenDone() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-stream-0001")) {
            client.start(NOTES_MODEL);
            List<JsonNode> events = client.until("done", 60);
            assertEquals("started", events.get(0).path("type").asText());
            assertEquals(7, events.get(0).path("seed").asLong());
            assertEquals(323, events.get(0).path("train_rows").asInt(), "floor(404 × 0.8) rows train");
            assertEquals(81, events.get(0).path("validation_rows").asInt());
            assertEquals(21, events.get(0).path("steps_per_epoch").asInt(), "ceil(323 / 16) updates an epoch");
            JsonNode summary = events.get(1);
            assertEquals("summary", summary.path("type").asText());
            assertEquals(3036, summary.path("total_params").asLong());
            assertEquals(27, summary.path("non_trainable_params").asLong());
            List<Integer> epochs = new ArrayList<>();
            for (JsonNode event : events.subList(2, events.size() - 1)) {
                String type = event.path("type").asText();
                if (type.equals("epoch")) epochs.add(event.path("epoch").asInt());
                else if (type.equals("epochs")) event.path("items").forEach(item -> epochs.add(item.path("epoch").asInt()));
                else throw new AssertionError("unexpected event mid-run: " + event);
                JsonNode logs = type.equals("epoch") ? event.path("logs") : event.path("items").get(0).path("logs");
                assertTrue(logs.has("loss") && logs.has("val_loss") && logs.has("mae") && logs.has("val_mae"), logs.toString());
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= 100; i++) expected.add(i);
            assertEquals(expected, epochs, "each epoch exactly once, in order");
            JsonNode done = events.get(events.size() - 1);
            assertTrue(done.path("test").path("loss").asDouble() < 40, done.toString());
            assertTrue(done.path("test").has("r2"), done.toString());
            assertTrue(done.path("elapsed_ms").asLong() >= 0);
        }
    }

    @Test
    void aPlaneViewSendsThePointsThenTheModelsOutputOverThePlane() throws Exception {
        String xor = """
                {"dataset":{"name":"xor","samples":200,"noise":0},"seed":3,"model":{"layers":[{"units":8,"activation":"tanh"},
                {"units":1,"activation":"sigmoid"}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.03},
                "loss":"binary_crossentropy","metrics":["accuracy"]},"fit":{"epochs":30,"batch_size":10,"validation_split":0.2}}""";
        try (SocketClient client = SocketClient.open(server.port(), "browser-plane-001")) {
            client.send("{\"type\":\"start\",\"view\":\"boundary\",\"config\":" + xor + "}");
            List<JsonNode> events = client.until("done", 30);
            List<String> types = events.stream().map(e -> e.path("type").asText()).toList();
            assertEquals(List.of("started", "summary", "points", "grid"), types.subList(0, 4));
            JsonNode points = events.get(2);
            assertEquals(events.get(0).path("train_rows").asInt() + events.get(0).path("validation_rows").asInt(),
                    points.path("train").size());
            assertEquals(3, points.path("train").get(0).size(), "[x, y, label]");
            List<JsonNode> grids = events.stream().filter(e -> e.path("type").asText().equals("grid")).toList();
            assertEquals(0, grids.get(0).path("epoch").asInt(), "the untrained model first");
            assertEquals(30, grids.get(grids.size() - 1).path("epoch").asInt(), "and the trained one last");
            JsonNode last = grids.get(grids.size() - 1);
            assertEquals(40 * 40, last.path("values").size());
            for (JsonNode p : last.path("values")) assertTrue(p.asDouble() >= 0 && p.asDouble() <= 1, p.toString());
            assertTrue(last.path("x_range").get(0).asDouble() < last.path("x_range").get(1).asDouble());
        }
    }

    @Test
    void aOneLayerModelReportsItsLearnedWeightsPerFeature() throws Exception {
        String linear = RunDoc.notes().withoutHiddenLayers().epochs(5).json();
        try (SocketClient client = SocketClient.open(server.port(), "browser-weights-01")) {
            client.start(linear);
            JsonNode done = lastOf(client.until("done", 30));
            JsonNode weights = done.path("feature_weights");
            assertEquals(13, weights.path("features").size(), done.toString());
            assertEquals("CRIM", weights.path("features").get(0).asText());
            assertEquals(13, weights.path("kernel").size());
            assertEquals(1, weights.path("bias").size());
            assertTrue(weights.path("normalized").asBoolean());
        }
    }

    @Test
    void stopCancelsTheRunWithinOneBatchAndFreesTheWorker() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-stop-0001")) {
            client.start(LONG_RUN);
            client.until("summary", 10);
            JsonNode first = client.next(30);
            assertTrue(first.path("type").asText().startsWith("epoch"), first.toString());
            client.send("{\"type\":\"stop\"}");
            JsonNode cancelled = lastOf(client.until("cancelled", 5));
            assertTrue(cancelled.path("epoch").asInt() >= 1);
            assertTrue(cancelled.path("epoch").asInt() < 1000);
            server.awaitIdle(Duration.ofSeconds(2));
        }
    }

    @Test
    void closingTheSocketCancelsTheRun() throws Exception {
        SocketClient client = SocketClient.open(server.port(), "browser-close-0001");
        client.start(LONG_RUN);
        client.until("summary", 10);
        client.next(30);
        client.close();
        server.awaitIdle(Duration.ofSeconds(2));
    }

    @Test
    void aDroppedConnectionCancelsTheRun() throws Exception {
        SocketClient client = SocketClient.open(server.port(), "browser-drop-0001");
        client.start(LONG_RUN);
        client.until("summary", 10);
        client.next(30);
        client.abort();
        server.awaitIdle(Duration.ofSeconds(2));
    }

    /** One unit on raw Boston features by SGD at {@code rate}: diverges within the first epochs. */
    private static String diverging(String rate, int epochs) {
        return """
                {"dataset":"boston_housing","seed":3,"model":{"normalize":false,"layers":[{"units":1}]},
                 "compile":{"optimizer":{"name":"sgd","learning_rate":%s},"loss":"mse"},
                 "fit":{"epochs":%d,"batch_size":16,"validation_split":0.2}}""".formatted(rate, epochs);
    }

    /** The diverged error a socket hears for {@code document}. */
    private static JsonNode divergedError(String browser, String document) throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), browser)) {
            client.start(document);
            JsonNode error = lastOf(client.until("error", 30));
            assertEquals("diverged", error.path("code").asText());
            return error;
        }
    }

    @Test
    void aDivergingLearningRateEndsWithDivergedAndAKoreanExplanation() throws Exception {
        JsonNode error = divergedError("browser-diverge-01", diverging("1.0", 100));
        assertTrue(error.path("message").asText().contains("학습률"), error.toString());
        // normalization is off in this document: the field is the likelier cure (issue 16), the message names both
        assertEquals("model.normalize", error.path("field").asText());
        JsonNode normalized = divergedError("browser-diverge-03",
                RunDoc.of(diverging("10", 5)).normalize(true).json());
        assertEquals("compile.optimizer.learning_rate", normalized.path("field").asText(), normalized.toString());
    }

    @Test
    void aRunThatDivergesInItsFirstEpochSaysTheFirstEpoch() throws Exception {
        JsonNode error = divergedError("browser-diverge-02", diverging("10", 1));
        assertTrue(error.path("message").asText().startsWith("1번째 에포크"), error.toString());
        assertTrue(error.path("message").asText().contains("Normalization을 켜"),
                "without normalization the likelier cure comes first: " + error);
    }

    @Test
    void aMessageThatIsNotJsonNamesTheWholeDocumentAsTheField() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-parse-01")) {
            client.send("{\"type\": \"start\", ");
            JsonNode error = client.next(10);
            assertEquals("error", error.path("type").asText());
            assertTrue(error.has("field") && error.path("field").isTextual(), error.toString());
            assertEquals("", error.path("field").asText());
        }
    }

    @Test
    void anOverBudgetDocumentEndsWithTooExpensiveBeforeAnyEpoch() throws Exception {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < 6; i++) layers.append("{\"units\":512,\"activation\":\"relu\"},");
        String huge = """
                {"dataset":"digits","model":{"normalize":true,"layers":[%s{"units":10,"activation":"softmax"}]},
                 "compile":{"optimizer":{"name":"adam"},"loss":"sparse_categorical_crossentropy","metrics":["accuracy"]},
                 "fit":{"epochs":1000,"batch_size":32,"validation_split":0.2}}""".formatted(layers);
        try (SocketClient client = SocketClient.open(server.port(), "browser-budget-01")) {
            client.start(huge);
            JsonNode error = client.next(10);
            assertEquals("error", error.path("type").asText(), "no started, no epoch before the refusal");
            assertEquals("too_expensive", error.path("code").asText());
            assertTrue(error.path("message").asText().contains("한도"), error.toString());
        }
    }

    @Test
    void anInvalidDocumentNamesTheFieldAndStartsNothing() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-invalid-1")) {
            client.start(RunDoc.notes().units(1, 0).json());
            JsonNode error = client.next(10);
            assertEquals("invalid_config", error.path("code").asText());
            assertEquals("model.layers[1].units", error.path("field").asText());
            assertTrue(error.path("message").asText().contains("받은 값: 0"), error.toString());
            client.send("not json at all");
            assertEquals("invalid_config", client.next(10).path("code").asText());
            client.send("{\"type\":\"dance\"}");
            assertEquals("invalid_message", client.next(10).path("code").asText());
        }
    }

    @Test
    void aSecondStartOnTheSameSocketIsRefusedWhileTheFirstRuns() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-twice-001")) {
            client.start(LONG_RUN);
            client.until("summary", 10);
            client.start(NOTES_MODEL);
            JsonNode refused = firstOfType(client, "error", 10);
            assertEquals("busy", refused.path("code").asText());
            client.send("{\"type\":\"stop\"}");
            client.until("cancelled", 5);
        }
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshake() throws Exception {
        Exception refused = assertThrows(Exception.class,
                () -> SocketClient.open(server.port(), "browser-origin-01", "https://evil.example"));
        WebSocketHandshakeException handshake = (WebSocketHandshakeException) refused.getCause();
        assertEquals(403, handshake.getResponse().statusCode());
        try (SocketClient same = SocketClient.open(server.port(), "browser-origin-01",
                "http://127.0.0.1:" + server.port())) {
            same.start(RunDoc.notes().epochs(2).json());
            same.until("done", 20);
        }
    }

    @Test
    void oneBrowserMayHoldOnlyFourSocketsWhileOthersAreUnaffected() throws Exception {
        List<SocketClient> mine = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SocketClient socket = SocketClient.open(server.port(), "browser-greedy-01");
                mine.add(socket);
                // The client sees the upgrade before the server has counted the socket: a reply proves it has.
                socket.send("{\"type\":\"hello\"}");
                assertEquals("invalid_message", socket.next(5).path("code").asText());
            }
            try (SocketClient fifth = SocketClient.open(server.port(), "browser-greedy-01")) {
                JsonNode error = fifth.next(5);
                assertEquals("busy", error.path("code").asText());
                assertEquals(1008, fifth.closed.get(5, TimeUnit.SECONDS));
            }
            try (SocketClient other = SocketClient.open(server.port(), "browser-polite-01")) {
                other.start(RunDoc.notes().epochs(2).json());
                assertFalse(other.until("done", 20).isEmpty());
            }
        } finally {
            mine.forEach(SocketClient::close);
        }
    }

    @Test
    void oneBrowserMayStartOnlyItsShareOfRunsAMinuteWhileOthersAreUnaffected() throws Exception {
        try (RealSite limited = RealSite.oneCourse().workers(1).startsPerMinute(2).start();
             SocketClient eager = SocketClient.open(limited.port(), "browser-eager-0001");
             SocketClient other = SocketClient.open(limited.port(), "browser-other-0001")) {
            String tiny = RunDoc.notes().epochs(1).json();
            for (int i = 0; i < 2; i++) {
                eager.start(tiny);
                eager.until("done", 20);
            }
            eager.start(tiny);
            JsonNode refused = eager.next(10);
            assertEquals("rate_limited", refused.path("code").asText());
            assertTrue(refused.path("message").asText().contains("1분에 2번"), refused.toString());
            other.start(tiny);
            other.until("done", 20);
        }
    }

    @Test
    void epochsAreCoalescedToTheSocketsMessageBudget() throws Exception {
        try (RealSite slow = RealSite.oneCourse().limits(RunLimits.defaults().withWorkers(1).withEventsPerSecond(4)
                .withCostBudget(LONG_RUN_BUDGET)).start();
             SocketClient client = SocketClient.open(slow.port(), "browser-coalesce-1")) {
            client.start(NOTES_MODEL);
            List<JsonNode> events = client.until("done", 60);
            List<JsonNode> progress = events.stream()
                    .filter(e -> e.path("type").asText().startsWith("epoch")).toList();
            int epochs = progress.stream().mapToInt(e -> e.has("items") ? e.path("items").size() : 1).sum();
            assertEquals(100, epochs, "no epoch lost");
            long elapsedMs = events.get(events.size() - 1).path("elapsed_ms").asLong();
            assertTrue(progress.size() <= 2 + elapsedMs * 4 / 1000,
                    progress.size() + " progress messages in " + elapsedMs + " ms at 4 a second");
            assertTrue(progress.stream().anyMatch(e -> e.path("type").asText().equals("epochs")
                    && e.path("items").size() > 1), "several epochs travel in one message");
        }
    }

    @Test
    void theFirstEpochFollowsStartedWithoutWaitingOutTheMessageBudget() throws Exception {
        try (RealSite slow = RealSite.oneCourse().limits(RunLimits.defaults().withWorkers(1).withEventsPerSecond(1)
                .withCostBudget(LONG_RUN_BUDGET)).start();
             SocketClient client = SocketClient.open(slow.port(), "browser-burst-1")) {
            client.start(LONG_RUN);
            client.until("started", 20);
            long startedAt = System.nanoTime();
            assertEquals("summary", client.next(20).path("type").asText());
            JsonNode first = client.next(20);
            long ms = (System.nanoTime() - startedAt) / 1_000_000;
            assertEquals("epoch", first.path("type").asText(), "the first epoch goes out alone, at once");
            // One message a second: without the burst, the first epoch would wait out the seconds 'started' and
            // 'summary' began.
            assertTrue(ms < 500, "first epoch " + ms + " ms after started");
            JsonNode second = client.next(20);
            assertTrue((System.nanoTime() - startedAt) / 1_000_000 >= 900, "then the budget holds: " + second.path("type"));
        }
    }

    private static JsonNode lastOf(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    private static JsonNode firstOfType(SocketClient client, String type, int seconds) throws InterruptedException {
        return lastOf(client.until(type, seconds));
    }
}
