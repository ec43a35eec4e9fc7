package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import playground.RealSite;

/**
 * A teacher's {@code datasets/} folder on the real server: a CSV with Korean headers becomes a data set that
 * lessons' widgets name, trains, downloads and reloads like a lesson.
 */
public class CourseDatasetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(2);
    /** 방 개수 and 역까지 거리 (km) against 집값 (억 원): 30 rows, a clean linear rule. */
    public static String houses(int rows) {
        StringBuilder csv = new StringBuilder("방 개수,역까지 거리(km),집값(억 원)\n");
        for (int i = 0; i < rows; i++) {
            int rooms = 1 + i % 5;
            double km = (i % 7) * 0.5;
            csv.append(rooms).append(',').append(km).append(',').append(2 + rooms - 0.4 * km).append('\n');
        }
        return csv.toString();
    }

    public static final String DOCUMENT = """
            {"dataset":"seoul_houses","seed":2,"model":{"normalize":true,"layers":[{"units":1}]},
             "compile":{"optimizer":{"name":"adam","learning_rate":0.1},"loss":"mse","metrics":["mae"]},
             "fit":{"epochs":40,"batch_size":4,"validation_split":0.2}}""";

    @TempDir
    Path content;
    private RealSite server;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(content.resolve("datasets"));
        Files.writeString(content.resolve("datasets/seoul_houses.csv"), houses(30));
        Files.writeString(content.resolve("datasets/seoul_houses.yml"),
                "title: 서울 집값\ndescription: 방 개수와 역까지 거리로 집값을 예측합니다.\ntest_size: 0.2\n");
        Files.writeString(content.resolve("index.md"), "---\ntitle: 처음\n---\n# 처음\n\n```playground title=\"집값\"\n"
                + DOCUMENT.replace("\n", " ") + "\n```\n");
        server = RealSite.folder(content).workers(1).startsPerMinute(1000).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode houses() throws Exception {
        for (JsonNode set : JSON.readTree(server.get("/api/datasets").body())) {
            if (set.path("name").asText().equals("seoul_houses")) return set;
        }
        return null;
    }

    @Test
    void aKoreanHeadedCsvIsListedTrainsAndDownloads() throws Exception {
        JsonNode set = houses();
        assertEquals("서울 집값", set.path("title").asText());
        assertEquals("regression", set.path("task").asText());
        assertEquals(List.of("방 개수", "역까지 거리(km)"), JSON.convertValue(set.path("features"), List.class));
        assertEquals(List.of(24, 6), List.of(set.path("train_rows").asInt(), set.path("test_rows").asInt()));
        assertFalse(set.path("generated").asBoolean());

        String page = server.get("/").body();
        assertTrue(page.contains("seoul_houses") && !page.contains("pg-widget-error"), "the lesson's widget names it");

        HttpResponse<String> trained = server.post("/api/train", DOCUMENT);
        assertEquals(200, trained.statusCode(), trained.body());
        JsonNode result = JSON.readTree(trained.body());
        assertEquals(40, result.path("history").path("loss").size());
        double first = result.path("history").path("loss").get(0).asDouble();
        double last = result.path("history").path("loss").get(39).asDouble();
        assertTrue(last < first / 4, "a linear rule is learned: loss " + first + " → " + last);

        JsonNode summary = JSON.readTree(server.post("/api/summary", DOCUMENT).body());
        assertTrue(summary.path("keras").asText().contains("강의 폴더의 datasets/seoul_houses.csv입니다"),
                summary.path("keras").asText());
        assertTrue(summary.path("keras").asText().contains("pd.read_csv('seoul_houses_train.csv')"));
        assertEquals(List.of("방 개수", "역까지 거리(km)"),
                JSON.convertValue(summary.path("normalization").path("features"), List.class));
        HttpResponse<String> csv = server.get("/api/datasets/seoul_houses/train.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("방 개수,역까지 거리(km),y\n"), csv.body());
        assertEquals(25, csv.body().lines().count());
    }

    @Test
    void anEditedCsvReloadsAndABrokenEditKeepsTheLastGoodTable() throws Exception {
        Files.writeString(content.resolve("datasets/seoul_houses.csv"), houses(50));
        await(set -> set != null && set.path("train_rows").asInt() == 40);
        playground.lessons.Course before = server.site().course();
        Files.writeString(content.resolve("datasets/seoul_houses.csv"), houses(50).replace("\n3,1.0,", "\n3,일 킬로,"));
        long until = System.nanoTime() + WITHIN.toNanos();
        while (server.site().course() == before) {
            if (System.nanoTime() > until) throw new AssertionError("no reload within " + WITHIN);
            Thread.sleep(25);
        }
        assertEquals(40, houses().path("train_rows").asInt(), "the broken file keeps the table read before");
        assertEquals(200, server.post("/api/train", DOCUMENT).statusCode());
        Files.delete(content.resolve("datasets/seoul_houses.csv"));
        await(set -> set == null);
        HttpResponse<String> gone = server.post("/api/train", DOCUMENT);
        assertEquals(400, gone.statusCode());
        assertTrue(gone.body().contains("등록된 데이터셋 이름이어야 합니다"), gone.body());
        assertTrue(server.get("/").body().contains("pg-widget-error"), "the widget now shows its author the error");
    }

    private void await(Predicate<JsonNode> wanted) throws Exception {
        long until = System.nanoTime() + WITHIN.toNanos();
        JsonNode set = houses();
        while (!wanted.test(set)) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + WITHIN + ": " + set);
            Thread.sleep(25);
            set = houses();
        }
    }
}
