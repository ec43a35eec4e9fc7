package playground;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;

/**
 * A browser test's tab in the one headless Chromium of the JVM: started on first use, kept in JUnit's root store
 * and quit when the run ends (starting Chromium costs more than most tests). Each test class gets it reset (see
 * {@link Browser#reset}) at its own window size; missing binaries skip the test, or fail it when {@code CI} is set.
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserTab browser = BrowserTab.size(1280, 1000);
 * }</pre>
 * Not thread-safe: one test thread.
 */
public final class BrowserTab implements BeforeAllCallback, BeforeEachCallback {
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(BrowserTab.class);

    private final int width;
    private final int height;
    private Browser browser;

    private BrowserTab(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A tab whose viewport is {@code width} × {@code height} CSS pixels when each test class starts. */
    public static BrowserTab size(int width, int height) {
        return new BrowserTab(width, height);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = context.getRoot().getStore(SHARED)
                .getOrComputeIfAbsent(Browser.class, k -> Browser.open(width, height), Browser.class);
        browser.reset(width, height);
    }

    /** A tab registered per test (an instance field) is reset per test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (browser == null) beforeAll(context);
    }

    private Browser browser() {
        if (browser == null) throw new IllegalStateException("register the tab with @RegisterExtension");
        return browser;
    }

    public WebDriver driver() {
        return browser().driver();
    }

    public void get(String url) {
        browser().get(url);
    }

    /** Loads {@code url} afresh: a link that differs from the open page only in its #hash would not reload it. */
    public void load(String url) {
        get("about:blank");
        get(url);
    }

    public void resize(int width, int height) {
        browser().resize(width, height);
    }

    /** Runs JavaScript in the page (the test's own, not the page's: CSP does not apply to it). */
    public Object script(String js, Object... args) {
        return browser().script(js, args);
    }

    /** {@link #script} without arguments, the tests' shorthand. */
    public Object js(String js) {
        return browser().script(js);
    }

    /** Sets an input's value as typing would, firing its input event. */
    public void type(String selector, String value) {
        script("var i = document.querySelector(arguments[0]); i.value = arguments[1];"
                + " i.dispatchEvent(new Event('input', {bubbles: true}))", selector, value);
    }

    public void waitFor(String js) {
        browser().waitFor(js);
    }

    public void waitFor(String js, Duration timeout) {
        browser().waitFor(js, timeout);
    }

    public List<LogEntry> console() {
        return browser().console();
    }

    public List<String> consoleErrors() {
        return browser().consoleErrors();
    }

    public List<String> consoleErrorsSince(int mark) {
        return browser().consoleErrorsSince(mark);
    }

    /** Saves the viewport as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return browser().screenshot(name);
    }

    public void allowDownloadsAndClipboard(Path dir) {
        browser().allowDownloadsAndClipboard(dir);
    }
}
