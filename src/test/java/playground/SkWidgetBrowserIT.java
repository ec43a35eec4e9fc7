package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15's widget in headless Chromium on our own course, against the real server and real fits: pressing 실행 on
 * a lesson's scikit-learn widget shows the score the server computes for the same document, the forest's chart grows
 * tree by tree, the tree diagram has one box per node and a click shows its rows, the elbow has ten points, the
 * family picker swaps in the network widget and back, a bad parameter is named beside its box. Screenshots of
 * lessons 3 and 4 go to target/screenshots/.
 */
class SkWidgetBrowserIT {
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 1000);
    @RegisterExtension
    static final RealSite site = RealSite.ownCourse().workers(2).startsPerMinute(1000);

    private static void open(String path) {
        browser.load(site.url(path));
        browser.waitFor("return document.querySelectorAll('.pg-widget').length > 0 && "
                + "document.querySelectorAll('.pg-widget:not([data-mounted])').length === 0");
    }

    /** The script expression for the widget whose title starts with {@code title}. */
    private static String widget(String title) {
        return "Array.from(document.querySelectorAll('.pg-widget')).find(w => w.querySelector('.pg-title')"
                + ".textContent.startsWith('" + title + "'))";
    }

    /** Presses the button and waits for the run's end; prints how long the press took to its result (a figure, not a test). */
    private static void runAndWait(String w, String button) {
        browser.js("var w = " + w + "; w.scrollIntoView(); w.querySelector('" + button + "').click()");
        browser.waitFor("var w = " + w + "; return w.dataset.state === 'done' || w.dataset.state === 'error'",
                Duration.ofSeconds(60));
        System.out.println("press " + button + " → first step, result: " + browser.js("var t = " + w + ".pgTiming;"
                + "return Math.round((t.step || t.done) - t.clicked) + ' ms, ' + Math.round(t.done - t.clicked) + ' ms'")
                + " (" + browser.js("return " + w + ".querySelector('.pg-title').textContent") + ")");
        assertEquals("done", browser.js("return " + w + ".dataset.state"), (String) browser.js("return " + w + ".textContent"));
    }

    /**
     * The test score of the widget's document (root.pgDoc, as edited) as POST /api/train answers it (the page's
     * cookie), written as Python prints a float.
     */
    private static String httpTestScore(String w) {
        Object score = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var w = " + w + ";"
                + "var doc = w.pgDoc;"
                + "fetch('/api/train', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(doc)})"
                + ".then(r => r.json()).then(r => { var t = r.score.test;"
                + " done(Number.isInteger(t) ? t.toFixed(1) : String(t)); }, e => done('failed: ' + e))");
        return (String) score;
    }

    @Test
    void theKnnWidgetShowsTheScoreTheServerComputesAndTheNotesPrint() {
        int console = browser.consoleErrors().size();
        open("/ml-basics/02-classification-1");
        String knn = widget("붓꽃: k-최근접 이웃");
        assertEquals("knn", browser.js("return " + knn + ".dataset.family"));
        runAndWait(knn, ".pg-run");
        String shown = (String) browser.js("return " + knn + ".querySelector('[data-score=\"test\"]').textContent");
        assertEquals(httpTestScore(knn), shown, "the widget shows what the server computes for its document");
        assertEquals("0.9333333333333333", shown, "scikit-learn 1.2's KNeighborsClassifier(5) on the notes' split");
        runAndWait(knn, ".pg-sweep");
        assertEquals(15L, browser.js("return " + knn + ".querySelector('.pg-sk-sweep canvas').pgChart.data.datasets[1].data.length"),
                "k = 1…15, a test score each");
        String best = (String) browser.js("return " + knn + ".querySelector('.pg-sk-sweep-best').textContent");
        assertTrue(best.startsWith("시험 점수가 가장 높은 n_neighbors: "), best);
        browser.waitFor("var c = " + knn + ".querySelector('.pg-sk-code'); return !c.hidden && c.textContent.length > 0");
        String code = (String) browser.js("return " + knn + ".querySelector('.pg-sk-code code').textContent");
        assertTrue(code.contains("KNeighborsClassifier(") && code.contains("test_size=0.2") && code.contains("random_state=5"),
                "the scikit-learn code of this very document: " + code);
        long cells = (Long) browser.js("return " + knn + ".querySelectorAll('.pg-confusion td').length");
        assertEquals(9L, cells, "a 3 × 3 confusion matrix for the three species");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void theForestsChartGrowsTreeByTree() {
        open("/ml-basics/03-classification-2");
        String forest = widget("유방암 진단: 랜덤 포레스트");
        /* sample the chart while the run goes on: it must be seen with some trees before it has them all */
        browser.js("var w = " + forest + "; window.pgSeen = [];"
                + "window.pgSampler = setInterval(() => { var c = w.querySelector('.pg-sk-staged canvas');"
                + " if (c && c.pgChart) window.pgSeen.push(c.pgChart.data.datasets[0].data.length); }, 10)");
        runAndWait(forest, ".pg-run");
        browser.js("clearInterval(window.pgSampler)");
        @SuppressWarnings("unchecked")
        List<Long> seen = (List<Long>) browser.js("return Array.from(new Set(window.pgSeen)).filter(n => n > 0)");
        assertEquals(100L, browser.js("return " + forest + ".querySelector('.pg-sk-staged canvas').pgChart.data.datasets[0].data.length"));
        assertTrue(seen.size() >= 2 && seen.get(0) < 100, "the curve grew in steps: " + seen);
        assertEquals(httpTestScore(forest), browser.js("return " + forest + ".querySelector('[data-score=\"test\"]').textContent"));
        browser.screenshot("sk-lesson3-forest");
    }

    @Test
    void stopEndsAForestBetweenTwoTrees() {
        open("/ml-basics/03-classification-2");
        String forest = widget("유방암 진단: 랜덤 포레스트");
        /* 500 trees that each look at all 30 features: seconds of work, so 중지 comes between two trees */
        browser.js("var w = " + forest + "; var n = w.querySelector('[id$=\"-param-n_estimators\"]'); n.value = '500';"
                + "n.dispatchEvent(new Event('input', {bubbles: true}));"
                + "var f = w.querySelector('[id$=\"-param-max_features\"]'); f.value = 'null';"
                + "f.dispatchEvent(new Event('change', {bubbles: true})); w.scrollIntoView(); w.querySelector('.pg-run').click()");
        browser.waitFor("var c = " + forest + ".querySelector('.pg-sk-staged canvas');"
                + "return !!c && !!c.pgChart && c.pgChart.data.datasets[0].data.length > 0", Duration.ofSeconds(30));
        browser.js(forest + ".querySelector('.pg-stop').click()");
        browser.waitFor("return ['cancelled', 'done', 'error', 'disconnected'].includes(" + forest + ".dataset.state)",
                Duration.ofSeconds(30));
        assertEquals("cancelled", browser.js("return " + forest + ".dataset.state"),
                (String) browser.js("return " + forest + ".querySelector('.pg-status').textContent"));
        long trees = (Long) browser.js("return " + forest + ".querySelector('.pg-sk-staged canvas').pgChart.data.datasets[0].data.length");
        assertTrue(trees < 500, "stopped before the 500th tree: " + trees);
        assertEquals(Boolean.TRUE, browser.js("var p = " + forest + ".pgDoc.model.params; return p.n_estimators === 500 && p.max_features === null"),
                "the run asked for 500 trees over every feature");
        System.out.println("stopped after " + trees + " of 500 trees");
        assertEquals(Boolean.FALSE, browser.js("return " + forest + ".querySelector('.pg-run').disabled"), "실행 is offered again");
    }

    @Test
    void theTreeDiagramHasOneBoxPerNodeAndAClickShowsItsRows() {
        open("/ml-basics/03-classification-2");
        String tree = widget("유방암 진단: 결정 트리 하나");
        runAndWait(tree, ".pg-run");
        long boxes = (Long) browser.js("return " + tree + ".querySelectorAll('.pg-tree svg g.pg-tree-node').length");
        Object nodes = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var w = " + tree + ";"
                + "fetch('/api/train', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: w.getAttribute('data-config')}).then(r => r.json()).then(r => done(r.tree.nodes.length))");
        assertEquals(((Number) nodes).longValue(), boxes, "one box per node of the fitted tree");
        assertTrue(boxes > 3, "a real tree: " + boxes);
        browser.js("var g = " + tree + ".querySelectorAll('.pg-tree-node')[1]; g.scrollIntoView({block: 'center'});"
                + "g.dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        String rows = (String) browser.js("return " + tree + ".querySelector('.pg-tree-rows-count').textContent");
        String samples = (String) browser.js("var g = " + tree + ".querySelectorAll('.pg-tree-node')[1];"
                + "return Array.from(g.querySelectorAll('text')).map(t => t.textContent).find(t => t.startsWith('samples'))");
        assertTrue(rows.contains(samples.replace("samples = ", "") + "행"), rows + " for the box that says " + samples);
        browser.waitFor("return " + tree + ".querySelectorAll('.pg-tree-first-rows tr').length > 1");
        long shown = (Long) browser.js("return " + tree + ".querySelectorAll('.pg-tree-first-rows tr').length - 1");
        long count = Long.parseLong(samples.replace("samples = ", ""));
        assertEquals(Math.min(5, count), shown, "the node's first rows, with their values");
        assertEquals(31L, browser.js("return " + tree + ".querySelectorAll('.pg-tree-first-rows th').length"),
                "breast_cancer's 30 features and its target");
        browser.screenshot("sk-lesson3-tree");
        String xor = widget("XOR: 결정 트리");
        runAndWait(xor, ".pg-run");
        assertEquals(Boolean.TRUE, browser.js("var g = " + xor + ".querySelector('.pg-plane canvas').pgPlane.grid;"
                + "return !!g && g.values.length === g.size * g.size"), "the decision regions over the plane");
        assertEquals("2", browser.js("return " + xor + ".querySelector('.pg-sk-replay').max"), "one frame per depth of a depth-2 tree");
        browser.js("var r = " + xor + ".querySelector('.pg-sk-replay'); r.value = '1'; r.dispatchEvent(new Event('input'))");
        assertEquals(1L, browser.js("return " + xor + ".querySelector('.pg-plane canvas').pgPlane.grid.epoch"),
                "the slider shows the tree cut at depth 1");
        browser.js(xor + ".scrollIntoView()");
        browser.screenshot("sk-lesson3-xor");
    }

    @Test
    void theElbowHasTenPointsAndKMeansReplaysItsIterations() {
        open("/ml-basics/04-clustering");
        String elbow = widget("두 가우스 덩어리");
        runAndWait(elbow, ".pg-sweep");
        assertEquals(10L, browser.js("return " + elbow + ".querySelector('.pg-sk-sweep canvas').pgChart.data.datasets[0].data.length"));
        browser.js(elbow + ".scrollIntoView()");
        browser.screenshot("sk-lesson4-elbow");
        String steps = widget("두 초승달: k-평균");
        runAndWait(steps, ".pg-run");
        String iterations = (String) browser.js("return " + steps + ".querySelector('[data-score=\"n_iter\"]').textContent");
        assertEquals(iterations, browser.js("return " + steps + ".querySelector('.pg-sk-replay').max"), "one replay step per iteration");
        String last = (String) browser.js("return JSON.stringify(" + steps + ".querySelector('.pg-plane canvas').pgPlane.centers)");
        browser.js("var r = " + steps + ".querySelector('.pg-sk-replay'); r.value = '1'; r.dispatchEvent(new Event('input'))");
        String first = (String) browser.js("return JSON.stringify(" + steps + ".querySelector('.pg-plane canvas').pgPlane.centers)");
        assertTrue(!first.equals(last) && !first.equals("null"), "the centres move back to the first iteration: " + first);
        assertEquals(List.of("군집 0", "군집 1"), browser.js("return Array.prototype.map.call(" + steps
                + ".querySelectorAll('.pg-plane-legend .pg-legend-item'), function (e) { return e.textContent; })"),
                "the legend names the two clusters in their colours");
        browser.js(steps + ".querySelector('.pg-plane').scrollIntoView()");
        browser.screenshot("sk-lesson4-kmeans-iteration1");
        browser.js(steps + ".scrollIntoView()");
        browser.screenshot("sk-lesson4-kmeans");
    }

    @Test
    void theFamilyPickerSwapsInTheNetworkAndBackWithTheStudentsSettings() {
        open("/ml-basics/02-classification-1");
        String knn = widget("붓꽃: k-최근접 이웃");
        browser.js("var w = " + knn + "; var k = w.querySelector('[id$=\"-param-n_neighbors\"]'); k.value = '7';"
                + "k.dispatchEvent(new Event('input', {bubbles: true}))");
        browser.js("var s = " + knn + ".querySelector('[id$=\"-family\"]'); s.value = 'network';"
                + "s.dispatchEvent(new Event('change', {bubbles: true}))");
        browser.waitFor("var w = " + knn + "; return w && w.querySelector('.pg-layer') !== null");
        assertEquals("network", browser.js("return " + knn + ".querySelector('[id$=\"-family\"]').value"));
        browser.js("var s = " + knn + ".querySelector('[id$=\"-family\"]'); s.value = 'knn';"
                + "s.dispatchEvent(new Event('change', {bubbles: true}))");
        browser.waitFor("var w = " + knn + "; return w && w.dataset.family === 'knn'");
        assertEquals("7", browser.js("return " + knn + ".querySelector('[id$=\"-param-n_neighbors\"]').value"),
                "back in the family, the student's k is still there");

        open("/ml-basics/01-basics-linear-regression");
        String linear = widget("보스턴 집값: LinearRegression");
        browser.js("var s = " + linear + ".querySelector('[id$=\"-family\"]'); s.value = 'adaboost';"
                + "s.dispatchEvent(new Event('change', {bubbles: true}))");
        assertEquals("linear", browser.js("return " + linear + ".dataset.family"), "a classifier cannot take the locked Boston set");
        String note = (String) browser.js("return " + linear + ".querySelector('.pg-error').textContent");
        assertTrue(note.contains("고정"), note);
    }

    @Test
    void aLinkReproducesTheStudentsSettings() {
        open("/ml-basics/02-classification-1");
        String knn = widget("붓꽃: k-최근접 이웃");
        browser.js("var w = " + knn + "; var k = w.querySelector('[id$=\"-param-n_neighbors\"]'); k.value = '9';"
                + "k.dispatchEvent(new Event('input', {bubbles: true}));"
                + "var p = w.querySelector('[id$=\"-pre-StandardScaler\"]'); p.checked = true;"
                + "p.dispatchEvent(new Event('change', {bubbles: true}))");
        String link = browser.driver().getCurrentUrl();
        assertTrue(link.contains("#pg"), "the address holds the settings: " + link);
        browser.load(link);
        browser.waitFor("var w = " + knn + "; return !!w && w.dataset.mounted === 'true'");
        assertEquals("9", browser.js("return " + knn + ".querySelector('[id$=\"-param-n_neighbors\"]').value"));
        assertEquals(Boolean.TRUE, browser.js("return " + knn + ".querySelector('[id$=\"-pre-StandardScaler\"]').checked"));
    }

    /** A student's own CSV, uploaded in the scikit-learn widget, is fitted like a bundled set. */
    @Test
    void aStudentsOwnCsvIsFittedByTheEstimator() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("과일", ".csv");
        StringBuilder rows = new StringBuilder("무게,당도,종류\n");
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < 80; i++) {
            int kind = i % 2;
            rows.append(100 + 50 * kind + random.nextInt(20)).append(',').append(8 + 4 * kind + random.nextInt(3))
                    .append(',').append(kind).append('\n');
        }
        java.nio.file.Files.writeString(csv, rows);
        open("/ml-basics/02-classification-1");
        String knn = widget("붓꽃: k-최근접 이웃");
        browser.js(knn + ".querySelector('.pg-upload').open = true");
        org.openqa.selenium.WebElement file = (org.openqa.selenium.WebElement) browser.js("return " + knn + ".querySelector('.pg-upload-file')");
        file.sendKeys(csv.toAbsolutePath().toString());
        browser.waitFor("return " + knn + ".querySelector('.pg-upload').dataset.state === 'chosen'");
        browser.js(knn + ".querySelector('.pg-upload-send').click()");
        browser.waitFor("return " + knn + ".querySelector('[id$=\"-dataset\"]').value.startsWith('upload-')", Duration.ofSeconds(20));
        runAndWait(knn, ".pg-run");
        String shown = (String) browser.js("return " + knn + ".querySelector('[data-score=\"test\"]').textContent");
        assertEquals(httpTestScore(knn), shown, "the server's score for the document with the upload");
        assertTrue(Double.parseDouble(shown) > 0.8, "two well-separated kinds of fruit: " + shown);
        java.nio.file.Files.deleteIfExists(csv);
    }

    @Test
    void aBadParameterIsNamedBesideItsBoxInKorean() {
        open("/ml-basics/02-classification-1");
        String knn = widget("붓꽃: k-최근접 이웃");
        browser.js("var w = " + knn + "; var k = w.querySelector('[id$=\"-param-n_neighbors\"]'); k.value = '0';"
                + "k.dispatchEvent(new Event('input', {bubbles: true})); w.querySelector('.pg-run').click()");
        browser.waitFor("return " + knn + ".dataset.state === 'error'", Duration.ofSeconds(20));
        String note = (String) browser.js("var e = " + knn + ".querySelector('.pg-field[data-control=\"param-n_neighbors\"] .pg-error');"
                + "return e ? e.textContent : null");
        assertTrue(note != null && note.contains("n_neighbors"), "the message sits beside the box: " + note);
        assertEquals("true", browser.js("return " + knn + ".querySelector('[id$=\"-param-n_neighbors\"]').getAttribute('aria-invalid')"));
    }
}
