package playground.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.document.NotesRun;

/**
 * The server, once up, visits itself as a teacher would before the class: the home page, a live summary and a few
 * short runs over {@code /ws/train}. A fresh JVM spends several hundred milliseconds loading and interpreting the
 * code of its first websocket upgrades, starts and events; on the class-load benchmark one such visit took the
 * first-epoch p95 of 100 students from 1.25–1.3 s to 0.85–0.9 s. Loopback only, a few hundred ms of one core;
 * it gives way as soon as real students are training.
 */
public final class SelfVisit {
    /** The notes' model for a few epochs: the same code paths as a student's run, little of the work. */
    private static final String SHORT_RUN = "{\"type\":\"start\",\"config\":" + notesRun(5) + "}";
    private static final int RUNS = 3;
    /** The outcome recorded in place of the remaining runs when students are already training. */
    public static final String SKIPPED = "skipped: students are training";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The notes' run with its epochs set on the parsed document: no text edit that could silently miss. */
    private static String notesRun(int epochs) {
        try {
            JsonNode doc = new ObjectMapper().readTree(NotesRun.DOCUMENT);
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("fit")).put("epochs", epochs);
            return doc.toString();
        } catch (IOException e) {
            throw new IllegalStateException("the notes' run must stay JSON", e);
        }
    }
    private static final Logger LOG = LoggerFactory.getLogger(SelfVisit.class);

    private SelfVisit() {}

    /** Returns how each short run ended ({@code done} when all went well); logs one line either way. */
    public static List<String> run(int port) {
        long start = System.nanoTime();
        List<String> outcomes = new ArrayList<>();
        try {
            request(port, "GET", "/", null);
            request(port, "POST", "/api/summary", NotesRun.DOCUMENT);
            for (int i = 0; i < RUNS; i++) {
                if (studentsAreTraining(port)) {
                    outcomes.add(SKIPPED);
                    break;
                }
                outcomes.add(new Students(port, SHORT_RUN, "self-visit").run(1, 20, TimeUnit.SECONDS).outcome()[0]);
            }
            LOG.info("self-visit: home page, summary and {} short runs ({}) in {} ms", RUNS, outcomes,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("self-visit failed", e);
        }
        return outcomes;
    }

    /**
     * Students who came early have warmed the server themselves; a visit now would only take their turns. The
     * visit's own last run may still be counted for a moment after its {@code done}, so busy means busy for 250 ms.
     */
    private static boolean studentsAreTraining(int port) throws IOException {
        for (int look = 0; look < 5; look++) {
            JsonNode status = JSON.readTree(request(port, "GET", "/api/status", null));
            if (status.path("active").asInt() + status.path("queued").asInt() == 0) return false;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    private static String request(int port, String method, String path, String json) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        http.setRequestMethod(method);
        http.setConnectTimeout(5_000);
        http.setReadTimeout(20_000);
        if (json != null) {
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json");
            try (OutputStream body = http.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        try (InputStream answer = http.getResponseCode() < 400 ? http.getInputStream() : http.getErrorStream()) {
            return answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            http.disconnect();
        }
    }
}
