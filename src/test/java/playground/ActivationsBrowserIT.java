package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The activation-function explorer in headless Chromium against the real server, on lessons from a temporary
 * content folder: it draws every function with its derivative, the Leaky ReLU slider moves f(-2) to −2ε, the
 * softmax probabilities sum to 1, it fits a 390 px phone, and pages without an explorer do not load it.
 * Screenshots go to target/screenshots/activations-*.png.
 */
class ActivationsBrowserIT {
    private static final String BOSTON = """
            {"dataset": "boston_housing", "seed": 7,
             "model": {"normalize": true, "layers": [{"units": 8, "activation": "relu"}, {"units": 1}]},
             "compile": {"optimizer": {"name": "adam", "learning_rate": 0.01}, "loss": "mse", "metrics": ["mae"]},
             "fit": {"epochs": 5, "batch_size": 16, "validation_split": 0.2}}""";

    private static Path content;
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 1000);
    @RegisterExtension
    static final RealSite site = RealSite.course(ActivationsBrowserIT::write).workers(1).startsPerMinute(1000);

    /** The course the site serves, written into its fresh folder. */
    static void write(Path dir) throws IOException {
        content = dir;
        Files.writeString(content.resolve("index.md"), "---\ntitle: 홈\n---\n# 홈\n\n설명만 있는 페이지입니다.\n");
        Files.writeString(content.resolve("explorer.md"), """
                ---
                title: 활성화 함수
                nav_order: 1
                ---
                # 활성화 함수

                여러 활성화 함수와 그 도함수를 비교해 봅시다.

                ```activations
                ```

                위 그래프에서 포화되는 구간을 찾아보세요.
                """);
        Files.writeString(content.resolve("both.md"), """
                ---
                title: 위젯과 탐색기
                nav_order: 2
                ---
                # 위젯과 탐색기

                ```activations
                relu, softmax
                ```

                ```playground
                %s
                ```
                """.formatted(BOSTON));
        Files.writeString(content.resolve("bad.md"), """
                ---
                title: 잘못된 블록
                nav_order: 3
                ---
                # 잘못된 블록

                ```activations
                relu, swish
                ```
                """);
    }

    @BeforeEach
    void desktop() {
        browser.resize(1280, 1000);
    }

    private static String url(String path) {
        return site.url(path);
    }

    private static void openExplorer(String path) {
        browser.get(url(path));
        browser.waitFor("var r = document.querySelector('.pg-activations'); return r && r.dataset.state === 'ready'");
    }

    private static long datasetCount() {
        return (Long) browser.js("return document.querySelector('.pg-act-curves canvas').pgChart.data.datasets.length");
    }

    /** f(x) of one function as the chart holds it. */
    private static double chartValue(String function, double x) {
        return chartValue(function, "f", x);
    }

    /** The value at x of one function's dataset with the given pgRole (f or derivative). */
    private static double chartValue(String function, String role, double x) {
        return ((Number) browser.js("""
                var d = document.querySelector('.pg-act-curves canvas').pgChart.data.datasets
                    .find(function (s) { return s.pgFunction === '%s' && s.pgRole === '%s'; });
                return d.data.find(function (p) { return Math.abs(p.x - %s) < 1e-9; }).y;
                """.formatted(function, role, x))).doubleValue();
    }

    private static void setInput(String selector, String value) {
        browser.script("var i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));", selector, value);
    }

    private static void click(String selector) {
        browser.script("document.querySelector(arguments[0]).click()", selector);
    }

    @Test
    void explorerDrawsEachFunctionAndItsDerivativeAndTheTogglesRemoveThem() {
        int console = browser.consoleErrors().size();
        openExplorer("/explorer");
        assertEquals(10L, datasetCount(), "sigmoid, tanh, relu, leaky_relu, elu: f and f' each");
        assertEquals(List.of("f", "derivative", "f", "derivative"), browser.js("return document.querySelector"
                + "('.pg-act-curves canvas').pgChart.data.datasets.slice(0, 4).map(function (d) { return d.pgRole; })"));
        assertEquals(1 / (1 + Math.exp(2)), chartValue("sigmoid", -2), 1e-12);
        assertEquals(Math.tanh(1.5), chartValue("tanh", 1.5), 1e-12);
        assertEquals(0.0, chartValue("relu", -3), 0);
        assertEquals(Math.exp(-1) - 1, chartValue("elu", -1), 1e-12);
        double s = 1 / (1 + Math.exp(-3));
        assertEquals(s * (1 - s), chartValue("sigmoid", "derivative", 3), 1e-12);
        assertEquals(1.0, chartValue("relu", "derivative", 1), 0);
        assertEquals(0.0, chartValue("relu", "derivative", -1), 0);
        assertEquals(0.01, chartValue("leaky_relu", "derivative", -2), 1e-12);
        assertTrue((Boolean) browser.js("return document.querySelector('.pg-act-curves canvas').pgChart.chartArea.width > 400"),
                "the chart is drawn at a readable size");
        browser.screenshot("activations-desktop");

        click(".pg-act-derivatives");
        assertEquals(5L, datasetCount(), "without derivatives: one dataset per function");
        click(".pg-act-toggle[data-function='sigmoid']");
        assertEquals(4L, datasetCount());
        click(".pg-act-derivatives");
        assertEquals(8L, datasetCount(), "four visible functions with derivatives");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void leakyReluSliderSetsTheSlopeOfTheNegativeSide() {
        int console = browser.consoleErrors().size();
        openExplorer("/explorer");
        assertEquals(-0.02, chartValue("leaky_relu", -2), 1e-12, "the course's ε = 0.01 by default");
        setInput(".pg-act-leaky-alpha", "0.2");
        assertEquals(-0.4, chartValue("leaky_relu", -2), 1e-12);
        assertEquals("ε = 0.20", browser.js("return document.querySelector('.pg-act-leaky-alpha')"
                + ".closest('.pg-act-slider').querySelector('output').textContent"));
        setInput(".pg-act-elu-alpha", "2");
        assertEquals(2 * (Math.exp(-1) - 1), chartValue("elu", -1), 1e-12);
        browser.js("document.querySelector('.pg-act-leaky-alpha').scrollIntoView({block: 'center'})");
        browser.screenshot("activations-slider");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void hoveringTheChartShowsValuesInATooltip() {
        int console = browser.consoleErrors().size();
        openExplorer("/explorer");
        browser.js("document.querySelector('.pg-act-curves').scrollIntoView({block: 'center'})");
        WebElement canvas = browser.driver().findElement(By.cssSelector(".pg-act-curves canvas"));
        new Actions(browser.driver()).moveToElement(canvas, -canvas.getSize().getWidth() / 4, 0).perform();
        browser.waitFor("return document.querySelector('.pg-act-curves canvas').pgChart.tooltip"
                + ".getActiveElements().length > 0");
        String title = (String) browser.js("return document.querySelector('.pg-act-curves canvas').pgChart.tooltip.title[0]");
        assertTrue(title.startsWith("x = -"), title);
        browser.screenshot("activations-tooltip");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void softmaxPanelShowsProbabilitiesThatSumToOne() {
        int console = browser.consoleErrors().size();
        openExplorer("/explorer");
        @SuppressWarnings("unchecked")
        List<Number> probs = (List<Number>) browser.js(
                "return document.querySelector('.pg-act-softmax canvas').pgChart.data.datasets[0].data");
        double e0 = Math.exp(2.0), e1 = Math.exp(1.0), e2 = Math.exp(0.1);
        assertEquals(e0 / (e0 + e1 + e2), probs.get(0).doubleValue(), 1e-12);
        assertEquals(1.0, probs.stream().mapToDouble(Number::doubleValue).sum(), 1e-12);
        String text = (String) browser.js("return document.querySelector('.pg-act-probs').textContent");
        assertTrue(text.contains("0.659") && text.contains("합 = 1.000"), text);

        setInput(".pg-act-logit", "5");
        @SuppressWarnings("unchecked")
        List<Number> after = (List<Number>) browser.js(
                "return document.querySelector('.pg-act-softmax canvas').pgChart.data.datasets[0].data");
        assertEquals(1.0, after.stream().mapToDouble(Number::doubleValue).sum(), 1e-12);
        assertTrue(after.get(0).doubleValue() > probs.get(0).doubleValue(), "a larger score gets a larger share");
        browser.js("document.querySelector('.pg-act-softmax').scrollIntoView()");
        browser.screenshot("activations-softmax");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void explorerFitsAPhone() {
        int console = browser.consoleErrors().size();
        browser.resize(390, 844);
        openExplorer("/explorer");
        assertEquals(390L, browser.js("return window.innerWidth"));
        assertEquals(Boolean.TRUE, browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "nothing scrolls sideways");
        assertEquals(Boolean.TRUE, browser.js("var r = document.querySelector('.pg-activations').getBoundingClientRect();"
                + "return r.left >= 0 && r.right <= document.documentElement.clientWidth"));
        assertTrue((Boolean) browser.js("return document.querySelector('.pg-act-curves canvas').pgChart.chartArea.width > 200"));
        browser.js("document.querySelector('.pg-activations').scrollIntoView()");
        browser.screenshot("activations-phone-top");
        browser.js("document.querySelector('.pg-act-curves').scrollIntoView()");
        browser.screenshot("activations-phone-chart");
        browser.js("document.querySelector('.pg-act-softmax').scrollIntoView()");
        browser.screenshot("activations-phone-softmax");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void explorerAndWidgetShareOnePageAndOneChartJs() {
        int console = browser.consoleErrors().size();
        openExplorer("/both");
        browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
        assertEquals(1L, browser.js("return document.querySelectorAll('script[src*=\"chart.umd.js\"]').length"));
        assertEquals(2L, datasetCount(), "relu and its derivative");
        assertEquals(1L, browser.js("return document.querySelectorAll('.pg-act-softmax').length"));
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void unknownFunctionShowsTheErrorBoxAndLoadsNoExplorer() {
        int console = browser.consoleErrors().size();
        browser.get(url("/bad"));
        String box = (String) browser.js("return document.querySelector('.pg-widget-error').textContent");
        assertTrue(box.contains("알 수 없는 활성화 함수 'swish'"), box);
        assertFalse((Boolean) browser.js("return !!document.querySelector('script[src$=\"activations.js\"]')"));
        browser.screenshot("activations-error");
        browser.get(url("/"));
        assertFalse((Boolean) browser.js("return !!document.querySelector('script[src$=\"activations.js\"],"
                + " link[href$=\"activations.css\"], script[src*=\"chart.umd.js\"]')"), "a page without one loads none");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }
}
