package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16's watching side in headless Chromium against the real server: a spiral run played back epoch by epoch
 * (its plane and network view change many times on screen, 즉시 jumps to the end, 다시 보기 plays it again, 중지 stops
 * the playback), a diverged run's curve on a log axis with the epoch it exploded in, a run that ended without
 * learning flagged with its likelier cause, and a network too wide to draw saying so. Screenshots:
 * target/screenshots/watch-*.png, copied to ../keras-watch-shots when that folder exists.
 */
class WatchingBrowserIT {
    private static final String SPIRAL = """
            {"dataset": {"name": "spiral", "samples": 400, "noise": 0}, "seed": 7,
             "model": {"normalize": false, "layers": [{"units": 16, "activation": "relu"},
               {"units": 16, "activation": "relu"}, {"units": 1, "activation": "sigmoid"}]},
             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.02}, "loss": "binary_crossentropy",
               "metrics": ["accuracy"]},
             "fit": {"epochs": 100, "batch_size": 16, "validation_split": 0.2, "shuffle": true}}""";
    private static final String BOSTON = """
            {"dataset": "boston_housing", "seed": 7,
             "model": {"normalize": false, "layers": [{"units": 64, "activation": "relu"}, {"units": 32, "activation": "relu"},
               {"units": 1}]},
             "compile": {"optimizer": {"name": "%s", "learning_rate": %s}, "loss": "mse", "metrics": ["mae"]},
             "fit": {"epochs": 100, "batch_size": 16, "validation_split": 0.2}}""";
    /** Samples, every 25 ms, what the widget shows: its state, progress, the plane's grid and the network's epoch. */
    private static final String SAMPLER = """
            window.pgSamples = [];
            var w = document.querySelector('.pg-widget');
            var plane = w.querySelector('.pg-plane canvas');
            clearInterval(window.pgSampler);
            window.pgSampler = setInterval(function () {
              var g = plane.pgPlane.grid;
              var net = w.querySelector('.pg-network');
              window.pgSamples.push({state: w.dataset.state, progress: w.querySelector('.pg-progress progress').value,
                grid: g ? g.epoch : -1, sum: g ? g.values.reduce(function (a, b) { return a + b; }, 0) : 0,
                network: net && net.dataset.epoch ? Number(net.dataset.epoch) : -1});
            }, 25);""";

    private static Path content;
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1200, 1400);
    @RegisterExtension
    static final RealSite site = RealSite.course(WatchingBrowserIT::write).workers(2).startsPerMinute(1000);

    /** The course the site serves, written into its fresh folder. */
    static void write(Path dir) throws IOException {
        content = dir;
        Files.writeString(content.resolve("index.md"), "---\ntitle: 홈\n---\n# 홈\n");
        lesson("spiral.md", "나선", 1, widget("나선: 은닉층 두 개", SPIRAL));
        lesson("diverge.md", "발산", 2, widget("발산하는 보스턴", BOSTON.formatted("sgd", "0.1")));
        lesson("unlearned.md", "배우지 못한 모델", 3, widget("정규화 없이 Adam 10", BOSTON.formatted("adam", "10")));
        lesson("wide.md", "넓은 신경망", 4, widget("넓은 나선", RunDoc.of(SPIRAL).epochs(5).units(0, 70).json()));
    }

    private static String widget(String title, String doc) {
        return "```playground title=\"" + title + "\" view=\"boundary\"\n" + doc + "\n```\n";
    }

    private static void lesson(String file, String title, int order, String body) throws IOException {
        Files.writeString(content.resolve(file), "---\ntitle: " + title + "\nnav_order: " + order + "\n---\n# " + title
                + "\n\n" + body);
    }

    private static void open(String path) {
        browser.get(site.url(path));
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
    }

    private static void click(String selector) {
        browser.js("document.querySelector('.pg-widget " + selector + "').click()");
    }

    private static void waitForState(String state) {
        browser.waitFor("return document.querySelector('.pg-widget').dataset.state === '" + state + "'",
                Duration.ofSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> samples() {
        return (List<Map<String, Object>>) browser.js("clearInterval(window.pgSampler); return window.pgSamples");
    }

    private static int number(Map<String, Object> sample, String key) {
        return ((Number) sample.get(key)).intValue();
    }

    /** The distinct values of key in order of first appearance, over the samples taken while the widget ran. */
    private static List<Object> shownWhileRunning(List<Map<String, Object>> samples, String key) {
        return samples.stream().filter(s -> "running".equals(s.get("state"))).map(s -> s.get(key)).distinct().toList();
    }

    private static void shot(String name) throws IOException {
        Path file = browser.screenshot(name);
        Path shots = Path.of("..", "keras-watch-shots");
        if (Files.isDirectory(shots)) Files.copy(file, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSpiralRunIsPlayedBackEpochByEpochAndItsPlaneAndNetworkChangeManyTimesOnScreen() throws IOException {
        open("/spiral");
        browser.js(SAMPLER);
        click(".pg-run");
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w.dataset.state === 'running'"
                + " && w.querySelector('.pg-progress progress').value >= 40", Duration.ofSeconds(60));
        browser.js("document.querySelector('.pg-network').scrollIntoView()");
        shot("watch-spiral-network-mid-training");
        waitForState("done");
        List<Map<String, Object>> samples = samples();
        List<Object> grids = shownWhileRunning(samples, "grid");
        List<Object> sums = shownWhileRunning(samples, "sum");
        List<Object> networks = shownWhileRunning(samples, "network");
        assertTrue(grids.size() >= 8, "the plane's epochs seen during playback: " + grids);
        assertTrue(sums.size() >= 8, "the plane's picture changed " + sums.size() + " times");
        assertTrue(networks.size() >= 8, "the network view's epochs seen during playback: " + networks);
        List<Object> progress = shownWhileRunning(samples, "progress");
        assertTrue(progress.size() >= 30, "the progress advanced epoch by epoch: " + progress);
        Map<String, Object> last = samples.get(samples.size() - 1);
        assertEquals(100, number(last, "grid"));
        assertEquals(100, number(last, "progress"));
        // one heat map per input and per neuron: x1, x2, 16 + 16 hidden, 1 output, each painted
        assertEquals(35L, browser.js("return document.querySelectorAll('.pg-network canvas.pg-neuron').length"));
        assertEquals(16L, browser.js("return document.querySelectorAll('.pg-network canvas.pg-neuron[data-layer=\"1\"]').length"));
        Object blank = browser.js("return Array.prototype.filter.call(document.querySelectorAll('.pg-network canvas.pg-neuron'),"
                + " function (c) { return c.getContext('2d').getImageData(0, 0, c.width, c.height).data[3] === 0; }).length");
        assertEquals(0L, blank, "every heat map is painted");
        // the plane's legend names the two classes in their points' colours, and the rims
        assertEquals(List.of("0", "1"), browser.js("return Array.prototype.map.call(document.querySelectorAll("
                + "'.pg-plane-legend .pg-legend-item'), function (e) { return e.textContent; })"));
        assertTrue(browser.js("return document.querySelector('.pg-plane-legend').textContent").toString().contains("흰 테두리: 훈련"));
        assertEquals(List.of(), browser.consoleErrors());

        browser.resize(390, 844); // a phone: the network view fits its width, the page does not scroll sideways
        browser.waitFor("var s = document.querySelector('.pg-network-stage'); return s && s.offsetWidth <= "
                + "document.documentElement.clientWidth");
        Object wider = browser.js("var w = document.documentElement.clientWidth; return Array.prototype.filter.call("
                + "document.querySelectorAll('.pg-network *'), function (e) { return e.getBoundingClientRect().right > w + 1; })"
                + ".length");
        assertEquals(0L, wider, "network view elements wider than the phone");
        browser.js("document.querySelector('.pg-network').scrollIntoView()");
        shot("watch-network-phone");
        browser.resize(1200, 1400);
    }

    @Test
    void instantJumpsToTheFinalEpochAndReplayPlaysTheRunAgain() throws IOException {
        open("/spiral");
        browser.js("var s = document.querySelector('.pg-widget .pg-speed'); s.value = 'slow';"
                + " s.dispatchEvent(new Event('change'))");
        browser.js(SAMPLER);
        click(".pg-run");
        // slow plays 100 epochs in 9 s; by epoch 30 the server has sent most of the run, and the rest comes at its pace
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w.dataset.state === 'running'"
                + " && w.querySelector('.pg-progress progress').value >= 30", Duration.ofSeconds(60));
        shot("watch-spiral-paced-mid-playback");
        long clickedAt = (Long) browser.js("var p = document.querySelector('.pg-widget .pg-progress progress').value;"
                + " window.pgSamples.push({clicked: p}); document.querySelector('.pg-widget .pg-instant').click(); return p");
        waitForState("done");
        List<Map<String, Object>> samples = samples();
        assertTrue(clickedAt < 60, "still early in the slow playback: " + clickedAt);
        List<Integer> after = samples.subList(samples.indexOf(Map.of("clicked", clickedAt)) + 1, samples.size()).stream()
                .map(s -> number(s, "progress")).distinct().toList();
        // no more epoch-by-epoch steps: what had arrived shows at once, the rest as it arrives (a frame's 5 epochs)
        for (int i = 1; i < after.size(); i++) {
            assertTrue(after.get(i) - after.get(i - 1) >= 2, "after 즉시 at epoch " + clickedAt + ": " + after);
        }
        assertEquals(100, after.get(after.size() - 1));
        assertEquals(100, number(samples.get(samples.size() - 1), "grid"));

        browser.js(SAMPLER);
        click(".pg-replay");
        waitForState("running");
        waitForState("done");
        List<Map<String, Object>> replay = samples();
        List<Object> grids = shownWhileRunning(replay, "grid");
        assertTrue(grids.size() >= 8, "the replay showed the plane at epochs " + grids);
        assertEquals(0L, ((Number) grids.stream().filter(g -> ((Number) g).intValue() >= 0).findFirst().orElseThrow())
                .longValue(), "it started over from the untrained model: " + grids);
        assertEquals(100, number(replay.get(replay.size() - 1), "grid"));
        assertTrue(browser.js("return document.querySelector('.pg-widget .pg-status').textContent").toString().contains("마쳤습니다"));
    }

    @Test
    void stopDuringThePlaybackOfAFinishedRunStopsThePlayback() {
        open("/spiral");
        browser.js("var s = document.querySelector('.pg-widget .pg-speed'); s.value = 'slow';"
                + " s.dispatchEvent(new Event('change'))");
        click(".pg-run");
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w.dataset.state === 'running'"
                + " && w.querySelector('.pg-progress progress').value >= 5", Duration.ofSeconds(60));
        click(".pg-stop");
        waitForState("done");
        String status = browser.js("return document.querySelector('.pg-widget .pg-status').textContent").toString();
        assertTrue(status.startsWith("재생을 멈췄습니다 (에포크 "), status);
        long shown = (Long) browser.js("return document.querySelector('.pg-widget .pg-progress progress').value");
        assertTrue(shown < 100, "the playback stopped at epoch " + shown);
        assertTrue((Boolean) browser.js("return !document.querySelector('.pg-widget .pg-replay').disabled"));
    }

    @Test
    void aDivergedRunDrawsItsCurveUpToTheExplosionOnALogAxisAndNamesTheEpoch() throws IOException {
        open("/diverge");
        click(".pg-run");
        waitForState("error");
        assertTrue(((Number) browser.js("return document.querySelector('.pg-chart canvas').pgChart.data.datasets[0].data.length"))
                .intValue() >= 2, "the diverged epoch's batch losses are drawn");
        assertEquals("logarithmic", browser.js("return document.querySelector('.pg-chart canvas').pgChart.options.scales.y.type"));
        assertEquals(true, browser.js("return document.querySelector('.pg-widget .pg-logscale').checked"));
        assertEquals("에포크 1 / 100에서 발산했습니다",
                browser.js("return document.querySelector('.pg-widget .pg-progress-label').textContent"));
        String banner = browser.js("return document.querySelector('.pg-widget .pg-banner').textContent").toString();
        assertTrue(banner.contains("정규화") || banner.contains("Normalization"), banner);
        shot("watch-diverged");
    }

    @Test
    void aRunThatEndsWithoutLearningIsFlaggedWithNormalizationAsTheCause() {
        open("/unlearned");
        browser.js("document.querySelector('.pg-widget .pg-speed').value = 'fast'");
        click(".pg-run");
        waitForState("done");
        String status = browser.js("return document.querySelector('.pg-widget .pg-status').textContent").toString();
        assertTrue(status.startsWith("학습이 제대로 되지 않았습니다: 테스트 R²("), status);
        assertTrue(status.contains("정규화") && status.indexOf("정규화") < status.indexOf("학습률("), status);
        assertEquals("failed", browser.js("return document.querySelector('.pg-widget').dataset.fit"));
    }

    @Test
    void inputFeaturesChosenByCheckboxGoIntoTheRunAndTheNetworksFirstColumn() throws IOException {
        open("/spiral");
        assertEquals(List.of("x1", "x2"), browser.js("return Array.prototype.filter.call(document.querySelectorAll("
                + "'.pg-widget input.pg-feature'), function (b) { return b.checked; }).map(function (b) { return b.value; })"));
        browser.js("document.querySelector('.pg-widget input.pg-feature[value=\"x1^2\"]').click();"
                + "document.querySelector('.pg-widget input.pg-feature[value=\"sin(x2)\"]').click();"
                + "document.querySelector('.pg-widget .pg-speed').value = 'fast'");
        browser.waitFor("return document.querySelector('.pg-widget').dataset.summary === 'ok'"
                + " && /\\(None, 16\\)\\s*80/.test(document.querySelector('.pg-widget .pg-summary').textContent)");
        click(".pg-run");
        waitForState("done");
        assertEquals(List.of("x₁", "x₂", "x₁²", "sin(x₂)"), browser.js("return Array.prototype.map.call(document.querySelectorAll("
                + "'.pg-network .pg-network-label'), function (l) { return l.textContent; })"));
        assertEquals(4L, browser.js("return document.querySelectorAll('.pg-network canvas.pg-neuron[data-layer=\"input\"]').length"));
        browser.js("document.querySelector('.pg-widget .pg-features').scrollIntoView()");
        shot("watch-features");
        assertTrue(browser.js("return document.querySelector('.pg-widget .pg-keras').textContent").toString()
                .contains("np.stack([x1, x2, x1 ** 2, np.sin(x2)], axis=1)"));
    }

    @Test
    void aNetworkTooWideToDrawSaysWhyInsteadOfDrawingIt() {
        open("/wide");
        click(".pg-run");
        waitForState("done");
        assertEquals(0L, browser.js("return document.querySelectorAll('.pg-network canvas.pg-neuron').length"));
        String note = browser.js("return document.querySelector('.pg-network-note').textContent").toString();
        assertTrue(note.contains("86개") && note.contains("64개 이하"), note);
    }
}
