package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.engine.KerasEarlyStoppingRule;
import playground.server.ForwardPassTest;

/**
 * Issue 16's remedies in headless Chromium against the real server: a student adds a Dropout layer and an L2
 * penalty, turns EarlyStopping on, runs, sees where it stopped (Keras's rule on the curve the chart drew), downloads
 * the model and NumPy reproduces its test loss from that very file; the share link opens the widget as it was; a
 * classifier shows its confusion matrix.
 */
class RemediesBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTES = """
            {"dataset": "boston_housing", "seed": 7,
             "model": {"normalize": true, "layers": [{"units": 64, "activation": "relu"}, {"units": 32, "activation": "relu"}, {"units": 1}]},
             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}, "loss": "mse", "metrics": ["mae"]},
             "fit": {"epochs": 150, "batch_size": 16, "validation_split": 0.2, "shuffle": true}}""";
    private static final String IRIS = """
            {"dataset": "iris", "seed": 3,
             "model": {"normalize": true, "layers": [{"units": 8, "activation": "relu"}, {"units": 3, "activation": "softmax"}]},
             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]},
             "fit": {"epochs": 40, "batch_size": 16}}""";
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 1000);
    @RegisterExtension
    static final RealSite site = RealSite.course(RemediesBrowserIT::write).workers(2).startsPerMinute(1000);
    private static Path downloads;

    /** The course the site serves, written into its fresh folder. */
    static void write(Path dir) throws IOException {
        Path content = dir;
        Files.writeString(content.resolve("index.md"), "---\ntitle: 홈\n---\n# 홈\n");
        Files.writeString(content.resolve("overfit.md"), "---\ntitle: 과대적합\nnav_order: 1\n---\n# 과대적합\n\n"
                + "긴 설명입니다.\n\n".repeat(40) + "```playground title=\"보스턴\"\n" + NOTES + "\n```\n");
        Files.writeString(content.resolve("iris.md"), "---\ntitle: 붓꽃\nnav_order: 2\n---\n# 붓꽃\n\n```playground title=\"붓꽃\"\n"
                + IRIS + "\n```\n");
    }

    @BeforeAll
    static void allowDownloads() throws IOException {
        downloads = Files.createTempDirectory("playground-downloads-");
        browser.allowDownloadsAndClipboard(downloads);
    }

    @Test
    void aStudentAddsDropoutAndEarlyStoppingRunsAndTakesTheModelHome() throws Exception {
        int console = browser.consoleErrors().size();
        browser.get(site.url("/overfit"));
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        browser.js("document.querySelector('.pg-add-dropout').click()");
        assertEquals(1L, browser.js("return document.querySelectorAll('.pg-layer-dropout').length"));
        browser.type(".pg-layer-dropout .pg-rate", "0.2");
        browser.script("var s = document.querySelector('.pg-layer .pg-regularizer'); s.value = 'l2';"
                + " s.dispatchEvent(new Event('change', {bubbles: true}))");
        browser.waitFor("return document.querySelector('.pg-summary').textContent.includes('dropout (Dropout)')");
        browser.js("document.querySelector('.pg-early-stopping').click()");
        browser.type(".pg-patience", "3");
        browser.js("document.querySelector('.pg-field-early-stopping').scrollIntoView({block: 'center'})");
        browser.screenshot("remedies-form");
        browser.js("var d = document.querySelector('.pg-keras').closest('details'); if (d) d.open = true;"
                + " document.querySelector('.pg-keras').scrollIntoView()");
        browser.waitFor("return document.querySelector('.pg-keras').textContent.includes('layers.Dropout(0.2)')");
        browser.screenshot("remedies-keras-code");

        browser.js("document.querySelector('.pg-run').click()");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(90));
        @SuppressWarnings("unchecked")
        List<Number> val = (List<Number>) browser.js("return document.querySelector('.pg-chart canvas').pgChart.data.datasets[1].data.map(p => p.y)");
        List<Double> valLoss = new ArrayList<>();
        val.forEach(v -> valLoss.add(v.doubleValue()));
        int epochs = valLoss.size();
        assertTrue(epochs < 150, "EarlyStopping stopped before the last of 150 epochs: " + epochs);
        assertEquals(KerasEarlyStoppingRule.epochs(valLoss, 3), epochs, "where Keras's rule stops on the drawn val_loss");
        String stopping = (String) browser.js("return document.querySelector('.pg-stopping').textContent");
        assertTrue(stopping.contains("에포크 " + epochs + "에서") && stopping.contains("stopped_epoch = " + (epochs - 1)), stopping);
        browser.js("document.querySelector('.pg-trained').scrollIntoView()");
        browser.screenshot("remedies-stopped");

        browser.js("document.querySelector('.pg-download-model').click()");
        Path file = downloads.resolve("playground_model.json");
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!(Files.exists(file) && Files.size(file) > 0) && System.nanoTime() < until) Thread.sleep(50);
        assertTrue(Files.exists(file), "the download arrived in " + downloads);
        JsonNode model = JSON.readTree(Files.readString(file));
        assertEquals("Dropout", model.path("config").path("model").path("layers").get(2).path("type").asText());
        assertEquals(3, model.path("config").path("fit").path("callbacks").get(0).path("patience").asInt());
        assertEquals(epochs - 1, model.path("stopped_epoch").asInt());
        String csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url("/api/datasets/boston_housing/test.csv")))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        JsonNode numpy = ForwardPassTest.forwardPass(model, csv);
        System.out.printf("downloaded model, test loss: widget %.9f, numpy %.9f%n", model.path("test").path("loss").asDouble(),
                numpy.path("loss").asDouble());
        assertTrue(numpy.path("penalty").asDouble() > 0, "the L2 penalty is part of the loss");
        assertEquals(model.path("test").path("loss").asDouble(), numpy.path("loss").asDouble(), 1e-4);

        // a real click: the clipboard takes writes from a user's gesture only
        browser.driver().findElement(org.openqa.selenium.By.cssSelector(".pg-share")).click();
        browser.waitFor("return document.querySelector('.pg-share').hasAttribute('data-copied')");
        String status = (String) browser.js("return document.querySelector('.pg-status').textContent");
        assertTrue(status.startsWith("복사했습니다"), status);
        String link = (String) browser.js("return document.querySelector('.pg-share-url').value");
        assertEquals(link, browser.script("return navigator.clipboard.readText()"));
        assertTrue(link.contains("#pg1-widget&pg1="), link);
        browser.load(link);
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        assertEquals(true, browser.js("return document.querySelector('.pg-early-stopping').checked"));
        assertEquals("0.2", browser.js("return document.querySelector('.pg-layer-dropout .pg-rate').value"));
        // scrolled to the widget (past the 40 paragraphs above it), its top near the window's (a margin above it)
        browser.waitFor("var r = document.getElementById('pg1-widget').getBoundingClientRect(); return scrollY > 500 && r.top >= 0 && r.top < 80");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void aClassifierShowsItsConfusionMatrixAsAColouredGrid() {
        browser.get(site.url("/iris"));
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        browser.js("document.querySelector('.pg-run').click()");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(60));
        assertEquals(9L, browser.js("return document.querySelectorAll('.pg-confusion td').length"));
        assertEquals(30L, browser.js("return Array.from(document.querySelectorAll('.pg-confusion td')).reduce((s, td) => s + Number(td.textContent), 0)"));
        String diagonal = (String) browser.js("return getComputedStyle(document.querySelector('.pg-confusion td[data-true=\"0\"][data-predicted=\"0\"]')).backgroundColor");
        assertTrue(diagonal.startsWith("rgba(37, 99, 235"), diagonal);
        Object accuracy = browser.js("var tds = document.querySelectorAll('.pg-confusion td'); return (Number(tds[0].textContent) + Number(tds[4].textContent) + Number(tds[8].textContent)) / 30");
        String shown = (String) browser.js("return document.querySelector('.pg-test-metrics [data-metric=\"accuracy\"] dd').textContent");
        assertTrue(shown.contains(String.format("%.1f%%", ((Number) accuracy).doubleValue() * 100)), shown + " vs " + accuracy);
        browser.js("document.querySelector('.pg-trained').scrollIntoView()");
        browser.screenshot("remedies-confusion");
    }
}
