package playground.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int train(String... args) {
        return TrainCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validDocumentPrintsTheResultJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, playground.RunDoc.notes().epochs(3).json());
        assertEquals(0, train(file.toString(), "--seed", "12"));
        JsonNode result = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(12, result.get("seed").asLong());
        assertEquals(3036, result.get("summary").get("total_params").asLong());
        assertEquals("dense_2", result.get("summary").get("layers").get(3).get("name").asText());
        assertTrue(result.get("summary").get("layers").get(0).get("output_shape").get(0).isNull());
        assertEquals(3, result.get("history").get("val_mae").size());
        assertTrue(result.get("test").has("r2"));
        assertTrue(result.has("elapsed_ms"));
    }

    @Test
    void invalidDocumentPrintsTheErrorAndExitsTwo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, playground.RunDoc.notes().units(1, 100000).json());
        assertEquals(2, train(file.toString()));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        JsonNode error = new ObjectMapper().readTree(err.toString(StandardCharsets.UTF_8));
        assertEquals("invalid_config", error.get("code").asText());
        assertEquals("model.layers[1].units", error.get("field").asText());
        assertEquals("model.layers[1].units: 1 이상 512 이하의 정수여야 합니다 (받은 값: 100000)",
                error.get("message").asText());
    }

    @Test
    void missingFileAndBadArgumentsExitTwo() {
        assertEquals(2, train("/no/such/file.json"));
        assertEquals(2, train());
        assertEquals(2, train("x.json", "--seed", "abc"));
    }
}
