package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import playground.RunDoc;
import playground.runs.RunLimits;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;

/**
 * RELIABILITY 1: thousands of generated run documents (mutations of a valid one, boundary values, malformed
 * JSON, deep nesting, 17 KiB messages) over HTTP and the websocket. Every one gets a precise error or a valid
 * run; no 5xx, no stack trace reaches the client, and the server still serves with its workers idle.
 */
class FuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ERROR_CODES = Set.of("invalid_config", "too_expensive", "diverged", "invalid_message");
    @RegisterExtension
    private static final RealSite server = RealSite.oneCourse().workers(2).startsPerMinute(100_000)
            .costBudget(2e8).limits(l -> l.with(b -> b.previewsPerMinute = 100_000));

    @Test
    void thousandsOfDocumentsOverHttpGetAnAnswerNeverA5xx() throws Exception {
        Random random = new Random(20261128);
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            String document = generate(random);
            HttpResponse<String> response = server.post("/api/summary", document);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 400,
                    response.statusCode() + " for " + abbreviate(document) + ": " + response.body());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 200) {
                accepted++;
                assertTrue(body.path("summary").path("total_params").asLong() > 0, response.body());
            } else {
                assertPreciseError(body, document);
            }
        }
        System.out.println("fuzz over HTTP: 3000 documents, " + accepted + " valid");
        assertTrue(accepted > 100 && accepted < 2900, "the generator makes both kinds: " + accepted);
        assertEquals(200, server.get("/healthz").statusCode());
    }

    @Test
    void hundredsOfDocumentsOverTheWebsocketEndInAnErrorOrARun() throws Exception {
        Random random = new Random(7);
        int runs = 0;
        try (SocketClient client = SocketClient.open(server.port(), "fuzz-browser-0001")) {
            for (int i = 0; i < 400; i++) {
                String document = generate(random);
                String message = random.nextInt(10) == 0 ? document : "{\"type\":\"start\",\"config\":" + document + "}";
                client.send(message);
                JsonNode end = terminal(client);
                if (end.path("type").asText().equals("done")) runs++;
                else assertPreciseError(end, document);
            }
        }
        System.out.println("fuzz over the websocket: 400 messages, " + runs + " trained to the end");
        assertTrue(runs > 10, "some generated documents are valid runs: " + runs);
        server.awaitIdle(Duration.ofSeconds(5));
    }

    /** The event that ends one message's story: done or an error. */
    private static JsonNode terminal(SocketClient client) throws InterruptedException {
        while (true) {
            JsonNode event = client.next(60);
            String type = event.path("type").asText();
            if (type.equals("done") || type.equals("error")) return event;
        }
    }

    private static void assertPreciseError(JsonNode error, String document) {
        String message = error.path("message").asText();
        assertTrue(ERROR_CODES.contains(error.path("code").asText()), error + " for " + abbreviate(document));
        assertFalse(message.isBlank(), error.toString());
        assertTrue(message.matches("(?s).*[가-힣].*"), "Korean message: " + message);
        for (String leak : List.of("Exception", "at playground.", "java.", "com.fasterxml")) {
            assertFalse(message.contains(leak), "no internals in " + message);
        }
    }

    // ---- the generator -------------------------------------------------------------------------------------

    private static final String BASE = RunDoc.notes().epochs(2).json();

    /** A valid document mutated a few times, or malformed text, or an oversized or deeply nested one. */
    static String generate(Random random) throws Exception {
        int kind = random.nextInt(20);
        if (kind == 0) return malformed(random);
        if (kind == 1) return deeplyNested(random.nextInt(10) + 14);
        if (kind == 2) return oversized();
        ObjectNode doc = (ObjectNode) JSON.readTree(BASE);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) mutate(doc, random);
        String text = doc.toString();
        if (random.nextInt(15) == 0) text = text.replaceFirst("0\\.01", random.nextBoolean() ? "NaN" : "Infinity");
        if (random.nextInt(15) == 0) text = text.replaceFirst("\"epochs\":2", "\"epochs\":1e400");
        return text;
    }

    private static void mutate(ObjectNode doc, Random random) {
        List<ObjectNode> parents = new ArrayList<>();
        collectObjects(doc, parents);
        ObjectNode parent = parents.get(random.nextInt(parents.size()));
        List<String> keys = new ArrayList<>();
        parent.fieldNames().forEachRemaining(keys::add);
        int action = random.nextInt(5);
        if (keys.isEmpty() || action == 0) {
            parent.set(random.nextBoolean() ? "unknown_" + random.nextInt(100) : "units", strangeValue(random));
        } else if (action == 1) {
            parent.remove(keys.get(random.nextInt(keys.size())));
        } else {
            parent.set(keys.get(random.nextInt(keys.size())), strangeValue(random));
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) into.add(object);
        node.elements().forEachRemaining(child -> collectObjects(child, into));
    }

    private static JsonNode strangeValue(Random random) {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(1e308);
            case 3 -> NODES.numberNode(Long.MAX_VALUE);
            case 4 -> NODES.numberNode(0.5);
            case 5 -> NODES.numberNode(random.nextInt(600));
            case 6 -> NODES.textNode("x".repeat(random.nextInt(300)));
            case 7 -> NODES.textNode("<script>alert(1)</script>");
            case 8 -> NODES.booleanNode(random.nextBoolean());
            case 9 -> NODES.nullNode();
            case 10 -> NODES.arrayNode().add(1).add("a");
            case 11 -> NODES.objectNode().put("name", "adam");
            case 12 -> NODES.textNode(List.of("relu", "softmax", "mse", "sgd", "spiral", "iris", "tanh").get(random.nextInt(7)));
            case 13 -> NODES.numberNode(random.nextDouble() * 2);
            case 14 -> layers(random);
            default -> NODES.textNode("한글 값");
        };
    }

    private static ArrayNode layers(Random random) {
        ArrayNode layers = NODES.arrayNode();
        int count = random.nextInt(11);
        for (int i = 0; i < count; i++) {
            layers.addObject().put("units", random.nextInt(40) - 2).put("activation",
                    List.of("relu", "tanh", "sigmoid", "softmax", "linear", "elu", "swish").get(random.nextInt(7)));
        }
        return layers;
    }

    private static String malformed(Random random) {
        String text = BASE.substring(0, random.nextInt(BASE.length()));
        return switch (random.nextInt(4)) {
            case 0 -> text;
            case 1 -> text + "}}}]]";
            case 2 -> "[" + BASE + "]";
            default -> BASE + " trailing";
        };
    }

    private static String deeplyNested(int depth) {
        return "{\"dataset\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}";
    }

    private static String oversized() {
        return BASE.replace("\"seed\":7", "\"seed\":7,\"padding\":\"" + "가".repeat(6000) + "\"");
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
