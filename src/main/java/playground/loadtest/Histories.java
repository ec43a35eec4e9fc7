package playground.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;

/**
 * What a resuming class heard, student by student: each run's id and last event index (to resume with) and every
 * epoch's loss, counting epochs heard twice, so a benchmark can tell a stitched re-run from its seed's history.
 * Not thread-safe: {@link Students} uses it from its one thread.
 */
final class Histories {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String[] run;
    final long[] last;
    /** loss[student][epoch - 1]; NaN where the epoch never came. */
    final double[][] loss;
    final int[] duplicates;
    final int[] resumes;
    /** Distinct epochs heard by the whole class so far (read by other threads while the class runs). */
    final java.util.concurrent.atomic.AtomicLong epochsHeard = new java.util.concurrent.atomic.AtomicLong();

    Histories(int students, int epochs) {
        run = new String[students];
        last = new long[students];
        loss = new double[students][epochs];
        for (double[] row : loss) Arrays.fill(row, Double.NaN);
        duplicates = new int[students];
        resumes = new int[students];
    }

    /** Reads one server message of {@code student}. */
    void heard(int student, String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (Exception e) {
            return;
        }
        if (event.has("i")) last[student] = Math.max(last[student], event.path("i").asLong());
        switch (event.path("type").asText()) {
            case "run" -> run[student] = event.path("run").asText();
            case "epoch" -> epoch(student, event);
            case "epochs" -> event.path("items").forEach(item -> epoch(student, item));
            default -> { }
        }
    }

    private void epoch(int student, JsonNode item) {
        int index = item.path("epoch").asInt() - 1;
        if (index < 0 || index >= loss[student].length) return;
        if (!Double.isNaN(loss[student][index])) duplicates[student]++;
        else epochsHeard.incrementAndGet();
        loss[student][index] = item.path("logs").path("loss").asDouble();
    }

    /** The message that follows the student's run again after its socket dropped; null when it has no run yet. */
    String resumeMessage(int student) {
        if (run[student] == null) return null;
        resumes[student]++;
        return "{\"type\":\"resume\",\"run\":\"" + run[student] + "\",\"last\":" + last[student] + "}";
    }
}
