package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The real notes and our own course in headless Chromium: KaTeX drew the math, TOC links jump, the phone layout
 * folds the menu, the search box answers, the console stays clean. Screenshots go to target/screenshots/.
 */
class BrowserLessonIT {
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 900);
    @RegisterExtension
    static final RealSite notes = RealSite.notes();
    @RegisterExtension
    static final RealSite course = RealSite.ownCourse();

    @Test
    void noteRendersMathAndTocLinksJumpWithoutConsoleErrors() {
        browser.resize(1280, 900);
        browser.get("http://localhost:" + notes.port() + "/ml-basics/03-classification-2");
        browser.waitFor("return document.querySelectorAll('.math').length > 0 && "
                + "document.querySelectorAll('.math .katex').length === document.querySelectorAll('.math').length");
        assertEquals(0L, browser.script("return document.querySelectorAll('.katex-error').length"));
        assertTrue((Long) browser.script("return document.querySelectorAll('code.language-python .token').length") > 0,
                "Prism highlighted the Python code");
        browser.screenshot("lesson");

        List<WebElement> links = browser.driver().findElements(By.cssSelector("#markdown-toc a"));
        assertTrue(links.size() > 5);
        WebElement link = links.get(links.size() - 2);
        String target = (String) browser.script("return decodeURIComponent(arguments[0].hash)", link);
        link.click();
        browser.waitFor("return decodeURIComponent(location.hash) === '" + target.replace("'", "\\'") + "'");
        Object top = browser.script("var h = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
                + "return h ? Math.round(h.getBoundingClientRect().top) : null");
        assertTrue(top instanceof Long t && t >= -2 && t < 200, "target heading at the top of the view: " + top);
        browser.screenshot("lesson-toc-jump");
        browser.script("document.querySelector('.image-missing').scrollIntoView({block: 'center'})");
        browser.screenshot("lesson-missing-image");

        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void mathInAWideTableScrollsWithTheTableNotThePageOnAPhone() throws Exception {
        Path content = java.nio.file.Files.createTempDirectory("pg-math-table");
        StringBuilder row = new StringBuilder("| 식 |");
        StringBuilder rule = new StringBuilder("|:--|");
        StringBuilder cells = new StringBuilder("| 값 |");
        for (int i = 1; i <= 12; i++) {
            row.append(" 열 ").append(i).append(" |");
            rule.append(":--|");
            cells.append(" $\\dfrac{x_{").append(i).append("}}{\\sigma}$ |");
        }
        java.nio.file.Files.writeString(content.resolve("index.md"),
                "---\ntitle: 표 속의 수식\n---\n# 표 속의 수식\n\n" + row + "\n" + rule + "\n" + cells + "\n");
        try (RealSite site = RealSite.folder(content).start()) {
            browser.resize(390, 844);
            browser.get("http://localhost:" + site.port() + "/");
            browser.waitFor("return document.querySelectorAll('table .katex').length === 12");
            assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "the page does not scroll sideways");
            assertEquals(Boolean.TRUE, browser.script("var t = document.querySelector('table');"
                    + "return t.scrollWidth > t.clientWidth"), "the table scrolls inside itself");
        }
    }

    @Test
    void phoneWidthFoldsNavigationAndWideTablesScrollInsideThePage() {
        browser.resize(390, 844);
        browser.get("http://localhost:" + notes.port() + "/ml-basics/01-linear-regression");
        browser.waitFor("return document.documentElement.classList.contains('js')");
        assertEquals(Boolean.FALSE, browser.script("return document.getElementById('site-nav').offsetParent !== null"),
                "menu folded on a phone");
        assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the page itself never scrolls sideways");
        assertEquals(Boolean.TRUE, browser.script("return Array.from(document.querySelectorAll('table'))"
                + ".some(t => t.scrollWidth > t.clientWidth)"), "the wide table scrolls inside itself");
        browser.screenshot("lesson-phone");
        browser.script("document.querySelectorAll('table')[2].scrollIntoView()");
        browser.screenshot("lesson-phone-wide-table");
        browser.script("window.scrollTo(0, 0)");
        browser.driver().findElement(By.cssSelector(".nav-toggle")).click();
        browser.waitFor("return document.getElementById('site-nav').offsetParent !== null");
        browser.screenshot("lesson-phone-menu");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void ownCourseShowsDisplayMathSearchBoxAndHome() {
        browser.resize(1280, 900);
        browser.get("http://localhost:" + course.port() + "/");
        browser.screenshot("home");
        browser.get("http://localhost:" + course.port() + "/start/reading-lessons");
        browser.waitFor("return document.querySelectorAll('.katex-display').length === 1");
        assertEquals(0L, browser.script("return document.querySelectorAll('.katex-error').length"));
        assertEquals(3L, browser.script("return document.querySelectorAll('#markdown-toc a').length"));
        browser.screenshot("own-lesson");
        WebElement input = browser.driver().findElement(By.id("search-input"));
        input.sendKeys("경사하강법");
        browser.waitFor("return document.querySelectorAll('#search-results a').length > 0");
        assertEquals(Boolean.TRUE, browser.script("return Array.from(document.querySelectorAll('#search-results a'))"
                + ".some(a => new URL(a.href).pathname === '/start/reading-lessons')"));
        browser.screenshot("search-box");
        browser.get("http://localhost:" + course.port() + "/search?q=%EA%B2%BD%EC%82%AC%ED%95%98%EA%B0%95%EB%B2%95");
        assertEquals(6L, browser.script("return document.querySelectorAll('.search-result-list li').length"),
                "the home page, the lesson on reading lessons and four lessons of the course (lesson 2 since its "
                        + "LogisticRegression widget says it uses L-BFGS instead)");
        browser.screenshot("search-page");
        assertEquals(List.of(), browser.consoleErrors());

        browser.get("http://localhost:" + course.port() + "/no/such/page");
        assertEquals("페이지를 찾을 수 없습니다", browser.driver().findElement(By.tagName("h1")).getText());
        browser.screenshot("not-found");
    }
}
