package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A teacher's just-the-docs repository (see {@link TeacherRepo}) served with {@code CONTENT_DIR} in development
 * mode, in headless Chromium: every note with every figure, the {@code _config.yml} title, footer and links, no
 * README or vendor page; an edited note refreshes the open page within 2 s, a broken edit leaves it as it was;
 * the search box finds a term typed with other spacing and is driven by the keyboard.
 * Screenshots: target/screenshots/teacher-*.png.
 */
class TeacherRepoBrowserIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TeacherRepo repo = TeacherRepo.create();
    @RegisterExtension
    static final RealSite site = RealSite.folder(repo.root).workers(1).dev(true);
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 900);

    private static String url(String path) {
        return site.url(path);
    }

    private static int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void everyNoteShowsEveryFigureUnderTheConfigsTitle() throws Exception {
        int mark = browser.consoleErrors().size();
        browser.get(url("/"));
        browser.waitFor("return document.documentElement.classList.contains('js')");
        assertEquals(TeacherRepo.TITLE, browser.script("return document.querySelector('.site-title').textContent"));
        assertEquals("처음 – " + TeacherRepo.TITLE, browser.driver().getTitle());
        assertTrue(((String) browser.script("return document.querySelector('.site-footer').textContent"))
                .startsWith("Copyright © 2026 김선생."));
        assertEquals(List.of("GitHub 저장소"), browser.script(
                "return Array.from(document.querySelectorAll('.aux-nav-link')).map(a => a.textContent)"));
        assertEquals(Boolean.TRUE, browser.script("var b = getComputedStyle(document.querySelector('.btn-primary'));"
                + " return b.color === 'rgb(255, 255, 255)' && b.backgroundImage.startsWith('linear-gradient')"));
        browser.screenshot("teacher-home");
        int figures = 0;
        for (String note : repo.notes) {
            String page = TeacherRepo.url(note);
            browser.get(url(page));
            browser.waitFor("return Array.from(document.querySelectorAll('.lesson img')).every(i => i.complete)");
            assertEquals(List.of(), browser.script("return Array.from(document.querySelectorAll('.lesson img'))"
                    + ".filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src'))"), page + ": broken images");
            assertEquals(0L, browser.script("return document.querySelectorAll('.image-missing').length"), page);
            figures += ((Long) browser.script("return document.querySelectorAll('.lesson img').length")).intValue();
            assertTrue(browser.driver().getTitle().endsWith(" – " + TeacherRepo.TITLE), browser.driver().getTitle());
            browser.screenshot("teacher-" + note.replace(".md", ""));
        }
        assertEquals(repo.images.size(), figures, "every figure the notes name is on its page");
        browser.get(url(TeacherRepo.url("05-deep-learning.md")));
        browser.script("document.querySelector('.lesson img').scrollIntoView({block: 'center'})");
        browser.screenshot("teacher-05-deep-learning-figure");
        assertEquals(List.of(), browser.consoleErrorsSince(mark));
        for (String left : List.of("/README", "/README.md", "/vendor/bundle/ruby/3.1.0/gems/just-the-docs-0.8.2/",
                "/vendor/bundle/ruby/3.1.0/gems/just-the-docs-0.8.2/docs/", "/node_modules/katex/README", "/drafts/wip")) {
            assertEquals(404, status(left), left);
        }
        assertEquals(301, HTTP.send(HttpRequest.newBuilder(URI.create(url("/docs/ml-basics/05-deep-learning.html")))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode(), "an old Jekyll address");
    }

    @Test
    void anEditedNoteRefreshesTheOpenPageAndABrokenEditKeepsIt() throws Exception {
        String note = "01-linear-regression.md";
        String original = Files.readString(repo.note(note));
        try {
            browser.get(url(TeacherRepo.url(note)));
            browser.waitFor("return document.documentElement.classList.contains('js')");
            browser.script("window.pgBeforeEdit = true");
            Files.writeString(repo.note(note), original.replace("# 기초 & Linear Regression\n",
                    "# 기초 & Linear Regression (고친 판)\n"));
            browser.waitFor("return !window.pgBeforeEdit && document.querySelector('.lesson h1')"
                    + ".textContent.includes('(고친 판)')", Duration.ofSeconds(2));
            browser.screenshot("teacher-reloaded");
            long version = (Long) browser.script("return fetch('/course-version.json').then(r => r.json())"
                    + ".then(b => b.version)");
            browser.script("window.pgBeforeBrokenEdit = true");
            Files.writeString(repo.note(note), "---\ntitle: [기초\n---\n# 반쯤 쓴 판\n");
            browser.waitFor("return fetch('/course-version.json').then(r => r.json()).then(b => b.version > "
                    + version + ")", Duration.ofSeconds(2));
            browser.waitFor("return !window.pgBeforeBrokenEdit", Duration.ofSeconds(2)); // it did reload …
            browser.waitFor("return document.documentElement.classList.contains('js')");
            assertTrue(((String) browser.script("return document.querySelector('.lesson h1').textContent"))
                    .contains("(고친 판)"), "… and shows the last good version");
        } finally {
            Files.writeString(repo.note(note), original);
        }
    }

    @Test
    void theSearchBoxFindsATermSpacedDifferentlyAndIsDrivenByTheKeyboard() {
        browser.get(url("/"));
        browser.waitFor("return document.documentElement.classList.contains('js')");
        var input = browser.driver().findElement(org.openqa.selenium.By.id("search-input"));
        input.sendKeys("결정트리");
        browser.waitFor("return document.querySelectorAll('#search-results a').length > 0");
        String first = (String) browser.script("return document.querySelector('#search-results a').href");
        assertTrue(first.contains("/docs/ml-basics/03-classification-2#"), first);
        assertEquals("결정트리", browser.script("return document.querySelector('#search-results mark')"
                + ".textContent.replace(/\\s/g, '')"));
        input.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertEquals("true", browser.script("return document.querySelector('#search-results a')"
                + ".getAttribute('aria-selected')"));
        browser.screenshot("teacher-search");
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor("return location.pathname.endsWith('/03-classification-2')");
        assertEquals(first, browser.script("return location.href"));
    }
}
