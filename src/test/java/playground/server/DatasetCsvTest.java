package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.RealSite;
import playground.data.Datasets;
import playground.data.Samples;

/** GET /api/datasets/{name}/{train|test}.csv over real HTTP: the files the widget's Keras code reads. */
class DatasetCsvTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A spiral that is not the default one (500 samples, noise 0), with Normalization so the summary shows its means. */
    private static final String SPIRAL = """
            {"dataset": {"name": "spiral", "samples": 400, "noise": 0.2}, "seed": 3,
             "model": {"normalize": true, "layers": [{"units": 8, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]},
             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.03}, "loss": "binary_crossentropy", "metrics": ["accuracy"]},
             "fit": {"epochs": 10, "batch_size": 16, "validation_split": 0.2}}""";
    @RegisterExtension
    static final RealSite server = RealSite.oneCourse().workers(1);

    @Test
    void theSummaryListsTheFilesItsKerasCodeReadsAndTheyHoldTheTrainersRows() throws Exception {
        HttpResponse<String> summary = server.post("/api/summary", SPIRAL);
        assertEquals(200, summary.statusCode(), summary.body());
        JsonNode preview = JSON.readTree(summary.body());
        String keras = preview.path("keras").asText();
        JsonNode files = preview.path("csv_files");
        assertEquals(2, files.size(), files.toString());
        Samples[] expected = {Datasets.load("spiral", 400, 0.2).train(), Datasets.load("spiral", 400, 0.2).test()};
        String[] names = {"spiral_samples400_noise0.2_train.csv", "spiral_samples400_noise0.2_test.csv"};
        for (int i = 0; i < 2; i++) {
            assertEquals(names[i], files.get(i).path("file").asText());
            assertTrue(keras.contains("pd.read_csv('" + names[i] + "')"), keras);
            HttpResponse<String> csv = server.get(files.get(i).path("url").asText());
            assertEquals(200, csv.statusCode(), csv.body());
            assertEquals("attachment; filename=\"" + names[i] + "\"", csv.headers().firstValue("Content-Disposition").orElse(""));
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            double[][] table = assertTable(csv.body(), "x1,x2,y", expected[i].rows());
            for (int r = 0; r < expected[i].rows(); r++) {
                assertEquals(expected[i].x()[2 * r], table[r][0]);
                assertEquals(expected[i].x()[2 * r + 1], table[r][1]);
                assertEquals(expected[i].y()[r], table[r][2]);
            }
        }
        assertEquals(320, preview.path("train_rows").asInt() + preview.path("validation_rows").asInt());

        // Normalization.adapt ran on the trainer's own training rows: their means are the train file's column means
        double[][] train = assertTable(server.get(files.get(0).path("url").asText()).body(), "x1,x2,y", 320);
        for (int j = 0; j < 2; j++) {
            int column = j;
            double mean = Arrays.stream(train).mapToDouble(row -> row[column]).average().orElseThrow();
            assertEquals(mean, preview.path("normalization").path("mean").get(j).asDouble(), 1e-5);
        }
    }

    @Test
    void aBundledTableIsServedAsTheTrainerSeesIt() throws Exception {
        HttpResponse<String> csv = server.get("/api/datasets/iris/test.csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("attachment; filename=\"iris_test.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        double[][] table = assertTable(csv.body(), "sepal_length,sepal_width,petal_length,petal_width,y", 30);
        Samples test = Datasets.load("iris").test();
        for (int r = 0; r < 30; r++) assertEquals(test.y()[r], table[r][4], "the class index, as the trainer has it");
        assertTrue(csv.body().lines().skip(1).allMatch(line -> line.matches(".*,[012]")), "classes 0, 1, 2");

        HttpResponse<String> defaults = server.get("/api/datasets/moons/train.csv");
        assertEquals("attachment; filename=\"moons_train.csv\"", defaults.headers().firstValue("Content-Disposition").orElse(""));
        assertTable(defaults.body(), "x1,x2,y", Datasets.load("moons").train().rows());
    }

    @Test
    void badParametersAreAKorean400NamingTheField() throws Exception {
        List<List<String>> cases = List.of(
                List.of("/api/datasets/nothing/train.csv", "dataset.name"),
                List.of("/api/datasets/spiral/valid.csv", "file"),
                List.of("/api/datasets/spiral/train.csv?samples=abc", "dataset.samples"),
                List.of("/api/datasets/spiral/train.csv?samples=5", "dataset.samples"),
                List.of("/api/datasets/spiral/train.csv?samples=", "dataset.samples"),
                List.of("/api/datasets/spiral/train.csv?samples=1e999", "dataset.samples"),
                List.of("/api/datasets/spiral/train.csv?noise=NaN", "dataset.noise"),
                List.of("/api/datasets/spiral/train.csv?noise=0.9", "dataset.noise"),
                List.of("/api/datasets/iris/train.csv?samples=100", "dataset.samples"));
        for (List<String> c : cases) {
            HttpResponse<String> response = server.get(c.get(0));
            assertEquals(400, response.statusCode(), c.get(0) + " → " + response.body());
            JsonNode error = JSON.readTree(response.body());
            assertEquals("invalid_config", error.path("code").asText(), c.get(0));
            assertEquals(c.get(1), error.path("field").asText(), c.get(0));
            assertTrue(error.path("message").asText().matches(".*[가-힣].*"), error.toString());
        }
    }

    /** The body as numbers, after checking its header and row count. */
    private static double[][] assertTable(String body, String header, int rows) {
        List<String> lines = body.lines().toList();
        assertEquals(header, lines.get(0));
        assertEquals(rows, lines.size() - 1);
        return lines.stream().skip(1)
                .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }
}
