package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;

/**
 * Issue 16's watching side over the real socket: a fast run sends enough frames of its plane to be played back,
 * paced within the socket's message budget; small networks carry TensorFlow Playground's neuron view; a diverged
 * run says which epoch and sends its curve up to the explosion.
 */
class WatchingTest {
    @RegisterExtension
    static final RealSite server = RealSite.oneCourse().workers(2).startsPerMinute(1000);
    static final String SPIRAL = """
            {"dataset":{"name":"spiral","samples":400,"noise":0},"seed":7,"model":{"normalize":false,"layers":[
            {"units":16,"activation":"relu"},{"units":16,"activation":"relu"},{"units":1,"activation":"sigmoid"}]},
            "compile":{"optimizer":{"name":"adam","learning_rate":0.02},"loss":"binary_crossentropy",
            "metrics":["accuracy"]},"fit":{"epochs":100,"batch_size":16,"validation_split":0.2}}""";
    static final String DIVERGING = """
            {"dataset":"boston_housing","seed":7,"model":{"normalize":false,"layers":[{"units":64,"activation":"relu"},
            {"units":32,"activation":"relu"},{"units":1}]},"compile":{"optimizer":{"name":"sgd","learning_rate":0.1},
            "loss":"mse"},"fit":{"epochs":100,"batch_size":16,"validation_split":0.2}}""";
    static final int EVENTS_PER_SECOND = 20;

    @Test
    void aSpiralRunSendsAFrameEveryFewEpochsPacedWithinTheMessageBudget() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-watch-0001")) {
            client.send("{\"type\":\"start\",\"view\":\"boundary\",\"config\":" + SPIRAL + "}");
            List<JsonNode> events = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            JsonNode event;
            do {
                event = client.next(30);
                events.add(event);
                arrivals.add(System.nanoTime());
            } while (!event.path("type").asText().equals("done"));
            List<Integer> frames = new ArrayList<>();
            for (JsonNode e : events) if (e.path("type").asText().equals("grid")) frames.add(e.path("epoch").asInt());
            assertEquals(0, frames.get(0), "the untrained model first");
            assertEquals(100, frames.get(frames.size() - 1), "the trained one last");
            assertTrue(frames.size() >= 15, "frames at epochs " + frames);
            for (int i = 1; i < frames.size(); i++) assertTrue(frames.get(i) > frames.get(i - 1), frames.toString());
            // Every prefix of the messages fits the token bucket (3 at once, then 20 a second), with slack for the
            // loopback: the client never received them faster than the server may send.
            for (int i = 0; i < arrivals.size(); i++) {
                double seconds = (arrivals.get(i) - arrivals.get(0)) / 1e9;
                assertTrue(i + 1 <= 4 + Math.ceil(seconds * EVENTS_PER_SECOND * 1.1) + 1,
                        "message " + (i + 1) + " after " + seconds + " s");
            }
            assertEquals(List.of(100), epochsOf(events).subList(epochsOf(events).size() - 1, epochsOf(events).size()));
            long largest = events.stream().filter(e -> e.path("type").asText().equals("grid"))
                    .mapToLong(e -> e.toString().length()).max().orElseThrow();
            long all = events.stream().mapToLong(e -> e.toString().length()).sum();
            System.out.printf("spiral, 100 epochs: %d frames in %d messages over %.2f s; largest frame %,d chars, "
                    + "all messages %,d chars%n", frames.size(), events.size(),
                    (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9, largest, all);
        }
    }

    @Test
    void aSmallNetworksFramesCarryEveryNeuronsHeatMapAndEveryWeight() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-watch-0002")) {
            client.send("{\"type\":\"start\",\"view\":\"boundary\",\"config\":"
                    + RunDoc.of(SPIRAL).epochs(3).json() + "}");
            List<JsonNode> events = client.until("done", 30);
            JsonNode points = events.stream().filter(e -> e.path("type").asText().equals("points")).findFirst().orElseThrow();
            assertEquals(64, points.path("network_max_hidden").asInt());
            JsonNode network = events.stream().filter(e -> e.path("type").asText().equals("grid"))
                    .reduce((a, b) -> b).orElseThrow().path("network");
            assertEquals(3, network.path("layers").size());
            assertEquals(16, network.path("layers").get(0).path("units").asInt());
            assertEquals("relu", network.path("layers").get(0).path("activation").asText());
            assertEquals("sigmoid", network.path("layers").get(2).path("activation").asText());
            assertEquals(2 * 16, network.path("weights").get(0).size(), "the first kernel, 2 inputs × 16 units");
            assertEquals(16 * 16, network.path("weights").get(1).size());
            assertEquals(16, network.path("biases").get(1).size());
            assertEquals(2, network.path("inputs").size(), "x1 and x2");
            assertEquals(16 + 16 + 1, network.path("neurons").size(), "one heat map per neuron");
            int size = network.path("size").asInt();
            assertEquals(20, size);
            int shades = network.path("shades").asInt();
            boolean anyNonZero = false;
            for (JsonNode neuron : network.path("neurons")) {
                assertEquals(size * size, neuron.size());
                for (JsonNode v : neuron) {
                    assertTrue(v.isInt() && Math.abs(v.asInt()) <= shades, v.toString());
                    anyNonZero |= v.asInt() != 0;
                }
            }
            assertTrue(anyNonZero, "the neurons' outputs are not all zero");
            // ReLU outputs are never negative
            for (int u = 0; u < 16; u++) for (JsonNode v : network.path("neurons").get(u)) assertTrue(v.asInt() >= 0);
        }
    }

    @Test
    void aNetworkTooWideToDrawSendsThePlaneWithoutTheNeuronView() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-watch-0003")) {
            String wide = RunDoc.of(SPIRAL).epochs(2).units(0, 60).json();
            client.send("{\"type\":\"start\",\"view\":\"boundary\",\"config\":" + wide + "}");
            List<JsonNode> grids = client.until("done", 30).stream()
                    .filter(e -> e.path("type").asText().equals("grid")).toList();
            assertFalse(grids.isEmpty());
            for (JsonNode grid : grids) assertFalse(grid.has("network"), "60 + 16 hidden units > 64");
        }
    }

    @Test
    void aRunThatDivergesInItsFirstEpochSaysSoAndSendsItsBatchLossesUpToTheExplosion() throws Exception {
        try (SocketClient client = SocketClient.open(server.port(), "browser-watch-0004")) {
            client.start(DIVERGING);
            JsonNode error = client.until("error", 30).stream().reduce((a, b) -> b).orElseThrow();
            assertEquals("diverged", error.path("code").asText(), error.toString());
            assertEquals(1, error.path("epoch").asInt());
            JsonNode losses = error.path("batch_losses");
            assertTrue(losses.size() >= 2 && losses.size() < 21, "21 steps an epoch, the last ones not finite: " + losses);
            for (JsonNode loss : losses) assertTrue(loss.isNumber() && Double.isFinite(loss.asDouble()), losses.toString());
            assertTrue(losses.get(losses.size() - 1).asDouble() > 1000 * losses.get(0).asDouble(),
                    "the loss explodes: " + losses);
            assertTrue(error.path("message").asText().contains("정규화"), error.toString());
            System.out.println("diverged batch losses: " + losses);
        }
    }

    private static List<Integer> epochsOf(List<JsonNode> events) {
        List<Integer> epochs = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("type").asText().equals("epoch")) epochs.add(e.path("epoch").asInt());
            e.path("items").forEach(item -> epochs.add(item.path("epoch").asInt()));
        }
        return epochs;
    }
}
