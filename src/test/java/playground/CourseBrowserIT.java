package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "머신러닝 기초" unit in headless Chromium: KaTeX drew every formula, every figure loaded, no table needs a
 * sideways scroll on a laptop, the page never scrolls sideways on a phone, and the console stays clean.
 * Screenshots of each lesson's top and of each figure go to target/screenshots/course-*.png.
 */
class CourseBrowserIT {
    private static final List<String> PAGES = List.of("/ml-basics/", "/ml-basics/01-basics-linear-regression",
            "/ml-basics/02-classification-1", "/ml-basics/03-classification-2", "/ml-basics/04-clustering",
            "/ml-basics/05-deep-learning");
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 900);
    @RegisterExtension
    static final RealSite server = RealSite.ownCourse().workers(1);
    /**
     * Elements sticking out to the right of the viewport, except inside a box that scrolls by itself (wide tables
     * do) — but an absolutely positioned element (KaTeX's hidden MathML) escapes such a box and widens the page.
     */
    private static final String WIDE = "return Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
            + ".filter(e => { if (getComputedStyle(e).position === 'absolute') return true;"
            + " for (let a = e.parentElement; a; a = a.parentElement) {"
            + " if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false; }"
            + " return true; })"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))";

    private static String name(String page) {
        String tail = page.replaceAll("/+$", "");
        return "course-" + tail.substring(tail.lastIndexOf('/') + 1);
    }

    @Test
    void everyLessonDrawsItsMathFiguresAndTables() {
        browser.resize(1280, 900);
        for (String page : PAGES) {
            int mark = browser.consoleErrors().size();
            browser.get("http://127.0.0.1:" + server.port() + page);
            browser.waitFor("return document.querySelectorAll('.math').length === "
                    + "document.querySelectorAll('.math .katex').length", Duration.ofSeconds(15));
            assertEquals(0L, browser.script("return document.querySelectorAll('.katex-error').length"), page);
            browser.waitFor("return Array.from(document.querySelectorAll('.lesson img')).every(i => i.complete)");
            assertEquals(List.of(), browser.script("return Array.from(document.querySelectorAll('.lesson img'))"
                    + ".filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src'))"), page + ": broken images");
            assertEquals(List.of(), browser.script("return Array.from(document.querySelectorAll('.lesson table'))"
                    + ".filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.innerText.slice(0, 40))"),
                    page + ": tables wider than the lesson column");
            assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    page + ": the page scrolls sideways");
            if (!page.equals("/ml-basics/")) {
                assertTrue((Long) browser.script("return document.querySelectorAll('#markdown-toc a').length") >= 5,
                        page + ": table of contents");
            }
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot(name(page));
            long images = (Long) browser.script("return document.querySelectorAll('.lesson img').length");
            for (int i = 0; i < images; i++) {
                browser.script("document.querySelectorAll('.lesson img')[arguments[0]].scrollIntoView({block: 'center'})",
                        i);
                browser.screenshot(name(page) + "-figure-" + (i + 1));
            }
            assertEquals(List.of(), browser.consoleErrorsSince(mark), page);
        }
    }

    @Test
    void theXorWidgetTrainsAndDrawsItsDecisionPlane() {
        browser.resize(1280, 900);
        int mark = browser.consoleErrors().size();
        browser.get("http://127.0.0.1:" + server.port() + PAGES.get(5));
        String widget = "document.querySelector('.pg-widget[data-title=\"XOR: 은닉층에 relu\"]')";
        browser.waitFor("var w = " + widget + "; return w && w.dataset.summary === 'ok'", Duration.ofSeconds(20));
        browser.script(widget + ".scrollIntoView(); " + widget + ".querySelector('.pg-run').click()");
        browser.waitFor("return " + widget + ".dataset.state === 'done'", Duration.ofSeconds(60));
        assertEquals(100L, browser.script("return " + widget + ".querySelector('.pg-chart canvas')"
                + ".pgChart.data.datasets[0].data.length"));
        assertEquals(Boolean.TRUE, browser.script("var c = Array.from(" + widget + ".querySelectorAll('canvas'))"
                + ".find(c => c.pgPlane); return !!(c && c.pgPlane.grid && c.pgPlane.points)"), "decision plane drawn");
        String metrics = (String) browser.script("return " + widget + ".querySelector('.pg-test-metrics').textContent");
        assertTrue(metrics.contains("accuracy") || metrics.contains("정확도"), metrics);
        browser.script("Array.from(" + widget + ".querySelectorAll('canvas')).find(c => c.pgPlane)"
                + ".scrollIntoView({block: 'center'})");
        browser.screenshot("course-05-deep-learning-xor-relu-trained");
        assertEquals(List.of(), browser.consoleErrorsSince(mark));
    }

    @Test
    void onAPhoneNoLessonScrollsSideways() {
        browser.resize(390, 844);
        try {
            List<String> problems = new java.util.ArrayList<>();
            for (String page : PAGES) {
                browser.get("http://127.0.0.1:" + server.port() + page);
                browser.waitFor("return document.documentElement.classList.contains('js')");
                Object wide = browser.script(WIDE);
                if (!List.of().equals(wide) || !Boolean.TRUE.equals(
                        browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))) {
                    problems.add(page + " " + wide);
                }
            }
            assertEquals(List.of(), problems, "pages that scroll sideways on a phone, with what sticks out");
            browser.get("http://127.0.0.1:" + server.port() + PAGES.get(5));
            browser.script("document.querySelector('.lesson img').scrollIntoView({block: 'center'})");
            browser.screenshot(name(PAGES.get(5)) + "-phone");
        } finally {
            browser.resize(1280, 900);
        }
    }
}
