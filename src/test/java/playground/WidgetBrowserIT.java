package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lesson widget in headless Chromium against the real server and trainer: the notes' model trains to the
 * end with both curves drawn, the summary follows the student's edits, and a bad document in the URL shows a
 * Korean error beside its control without starting a run. Screenshots go to target/screenshots/.
 */
class WidgetBrowserIT {
    private static final String LESSON = "/start/first-network";
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 1000);
    @RegisterExtension
    static final RealSite site = RealSite.ownCourse().workers(2).startsPerMinute(1000);

    /** Loads the page afresh ({@link BrowserTab#load}). */
    private static void open(String path) {
        browser.load(url(path));
    }

    private static String url(String path) {
        return site.url(path);
    }

    @Test
    void theNotesModelTrainsToTheEndWithBothCurvesAndTestMetrics() {
        int console = browser.consoleErrors().size();
        open(LESSON);
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        assertTrue(((String) browser.js("return document.querySelector('.pg-summary').textContent")).contains("3,036"),
                "the live summary counts the notes' 3,036 parameters before any run");
        String totals = (String) browser.js("return document.querySelector('.pg-summary').textContent");
        assertTrue(totals.contains("Total params: 3,036 (11.86 KB)") && totals.contains("Non-trainable params: 27 (112.00 B)"),
                "sizes as Keras prints them: " + totals);
        browser.screenshot("widget-before-run");

        browser.js("document.querySelector('.pg-widget .pg-run').click()");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(60));
        assertEquals(100L, browser.js("return document.querySelector('.pg-chart canvas').pgChart.data.datasets[0].data.length"));
        assertEquals(100L, browser.js("return document.querySelector('.pg-chart canvas').pgChart.data.datasets[1].data.length"));
        String metrics = (String) browser.js("return document.querySelector('.pg-test-metrics').textContent");
        assertTrue(browser.js("return document.querySelector('.pg-test-metrics [data-metric=\"r2\"]') !== null").equals(true),
                metrics);
        Object clickToLast = browser.js("return document.querySelector('.pg-widget').dataset.clickToLastPointMs");
        System.out.println("click-to-last-point for the notes' model: " + clickToLast + " ms");
        browser.js("document.querySelector('.pg-chart').scrollIntoView()");
        browser.screenshot("widget-after-run");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    /** A page older than its cookie (a server restart changed the secret, or the cookie is gone) still trains. */
    @Test
    void aPageWithoutAValidCookieGetsAFreshOneAndTrains() {
        open(LESSON);
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        browser.driver().manage().deleteAllCookies();
        browser.js("document.querySelector('.pg-widget .pg-run').click()");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(60));
        assertTrue(browser.driver().manage().getCookieNamed("pg_browser") != null, "/api/session gave a new cookie");
    }

    /** Issue 14: a student's own CSV, chosen in the widget, trains like any data set; a bad one says why. */
    @Test
    void aStudentsOwnCsvUploadsAndTrains() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("공부", ".csv");
        StringBuilder rows = new StringBuilder("공부 시간,수면 시간,점수\n");
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 60; i++) {
            double study = random.nextInt(10), sleep = 4 + random.nextInt(5);
            rows.append(study).append(',').append(sleep).append(',').append(50 + 4 * study + sleep).append('\n');
        }
        java.nio.file.Files.writeString(csv, rows);
        open(LESSON);
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        browser.js("document.querySelector('.pg-widget .pg-upload').open = true");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector(".pg-widget .pg-upload-file"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.waitFor("return document.querySelector('.pg-upload').dataset.state === 'chosen'");
        assertEquals("점수", browser.js("return document.querySelector('.pg-upload-target').value"), "the last column by default");
        browser.js("document.querySelector('.pg-upload-send').click()");
        browser.waitFor("return document.querySelector('.pg-upload').dataset.state === 'done'", Duration.ofSeconds(20));
        assertTrue(((String) browser.js("return document.querySelector('.pg-upload-message').textContent")).contains("회귀"));
        browser.js("document.querySelector('.pg-upload').scrollIntoView({block: 'center'})");
        browser.screenshot("widget-csv-uploaded");
        browser.js("document.querySelector('.pg-widget .pg-run').click()");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(60));

        java.nio.file.Files.writeString(csv, "공부 시간,점수\n1,2\n두시간,3\n");
        browser.js("document.querySelector('.pg-upload-file').value = ''");
        browser.driver().findElement(org.openqa.selenium.By.cssSelector(".pg-widget .pg-upload-file"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.waitFor("return document.querySelector('.pg-upload').dataset.state === 'chosen'");
        browser.js("document.querySelector('.pg-upload-send').click()");
        browser.waitFor("return document.querySelector('.pg-upload').dataset.state === 'error'", Duration.ofSeconds(20));
        String refusal = (String) browser.js("return document.querySelector('.pg-upload-message').textContent");
        assertTrue(refusal.contains("행") && refusal.contains("열"), "the server's row and column: " + refusal);
    }

    @Test
    void editingALayerUpdatesTheSummaryBeforeAnyRun() {
        int console = browser.consoleErrors().size();
        open(LESSON);
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        browser.js("var u = document.querySelector('.pg-layer[data-index=\"0\"] .pg-units'); u.value = '4';"
                + "u.dispatchEvent(new Event('input', {bubbles: true})); u.dispatchEvent(new Event('change', {bubbles: true}));");
        // 27 (Normalization) + (13 + 1) × 4 + (4 + 1) × 32 + (32 + 1) × 1 = 276
        browser.waitFor("return document.querySelector('.pg-summary').textContent.indexOf('276') >= 0");
        browser.screenshot("widget-edited-layer");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void aStringThatLooksLikeHtmlShowsAsText() {
        String doc = "{\"dataset\":\"<img src=x id=injected>\",\"model\":{\"layers\":[{\"units\":1}]},"
                + "\"compile\":{\"optimizer\":\"adam\",\"loss\":\"mse\"},\"fit\":{\"epochs\":1}}";
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(doc.getBytes(StandardCharsets.UTF_8));
        open(LESSON + "#pg1=" + hash);
        browser.waitFor("return Array.from(document.querySelectorAll('.pg-widget .pg-error, .pg-widget .pg-banner'))"
                + ".some(e => e.textContent.indexOf('<img src=x id=injected>') >= 0)");
        assertEquals(Boolean.TRUE, browser.js("return document.getElementById('injected') === null"),
                "the student's string reached the page as text, not as an element");
    }

    /** Issue 16: a run that ends worse than the mean (Adam at learning rate 10, R² ≈ −56) does not just say "done". */
    @Test
    void aRunThatEndsWorseThanTheMeanSaysSo() {
        String doc = """
                {"dataset":"boston_housing","seed":7,"model":{"normalize":true,"layers":[{"units":64,"activation":"relu"},
                {"units":32,"activation":"relu"},{"units":1}]},"compile":{"optimizer":{"name":"adam","learning_rate":10},
                "loss":"mse","metrics":["mae"]},"fit":{"epochs":20,"batch_size":16,"validation_split":0.2}}""";
        open(LESSON + "#pg1=" + Base64.getUrlEncoder().withoutPadding().encodeToString(doc.getBytes(StandardCharsets.UTF_8)));
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        browser.js("document.querySelector('.pg-widget .pg-run').click()");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(60));
        String status = (String) browser.js("return document.querySelector('.pg-widget .pg-status').textContent");
        assertTrue(status.contains("늘 평균을 답하는 것보다 못합니다") && status.contains("학습률"), status);
    }

    @Test
    void zeroUnitsInTheUrlShowsAKoreanErrorBesideTheControlAndStartsNothing() throws Exception {
        String doc = """
                {"dataset":"boston_housing","seed":7,"model":{"normalize":true,"layers":[{"units":0,"activation":"relu"},
                {"units":32,"activation":"relu"},{"units":1}]},"compile":{"optimizer":{"name":"adam","learning_rate":0.01},
                "loss":"mse","metrics":["mae"]},"fit":{"epochs":100,"batch_size":16,"validation_split":0.2,"shuffle":true}}""";
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(doc.getBytes(StandardCharsets.UTF_8));
        open(LESSON + "#pg1=" + hash);
        browser.waitFor("var e = document.querySelector('.pg-error[data-field=\"model.layers[0].units\"]');"
                + "return e && e.offsetParent !== null && e.textContent.length > 0");
        String message = (String) browser.js("return document.querySelector('.pg-error[data-field=\"model.layers[0].units\"]').textContent");
        assertTrue(message.matches(".*[가-힣].*") && message.contains("0"), message);
        browser.js("document.querySelector('.pg-widget .pg-run').click()");
        Thread.sleep(500);
        assertEquals(0, site.trainer().sandbox().scheduler().activeCount(), "no run started");
        String state = (String) browser.js("return document.querySelector('.pg-widget').dataset.state");
        assertTrue(List.of("invalid", "idle").contains(state), state);
        browser.js("document.querySelector('.pg-error[data-field=\"model.layers[0].units\"]').scrollIntoView({block: 'center'})");
        browser.screenshot("widget-invalid-url");
    }
}
