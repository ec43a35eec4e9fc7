package playground;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, a
 * fresh profile each time, the console captured. Tests reach it through {@link BrowserTab}, which keeps one for the
 * whole JVM. When either binary is missing the test is skipped, unless the
 * environment variable {@code CI} is set, in which case it fails.
 * <pre>{@code
 * try (Browser browser = Browser.open(1280, 900)) {
 *     browser.get("http://localhost:" + app.port() + "/");
 *     browser.waitFor("return document.querySelectorAll('.katex').length > 0");
 *     browser.screenshot("home");                 // target/screenshots/home.png
 *     assertEquals(List.of(), browser.consoleErrors());
 * }
 * }</pre>
 * Not thread-safe: one test thread per browser.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless browser with a window of {@code width} × {@code height} CSS pixels. */
    public static Browser open(int width, int height) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER;
            if (System.getenv("CI") != null) {
                Assertions.fail(message + " (CI is set, so this is a failure, not a skip)");
            }
            Assumptions.assumeTrue(false, message);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("playground-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=ko-KR");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Browser browser = new Browser(driver, profile);
        browser.resize(width, height);
        return browser;
    }

    /**
     * Saves the page's downloads into {@code dir} and lets it write the clipboard, through Chrome DevTools (headless
     * Chrome otherwise drops downloads and refuses the clipboard).
     */
    public void allowDownloadsAndClipboard(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString()));
        driver.executeCdpCommand("Browser.grantPermissions",
                Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    public WebDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /** Sets the viewport (not the outer window) to {@code width} × {@code height} CSS pixels. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Object inner = script("return [window.innerWidth, window.innerHeight]");
        if (inner instanceof List<?> size && size.size() == 2) {
            int dw = width - ((Number) size.get(0)).intValue();
            int dh = height - ((Number) size.get(1)).intValue();
            if (dw != 0 || dh != 0) {
                driver.manage().window().setSize(new Dimension(width + dw, height + dh));
            }
        }
    }

    /** Runs JavaScript in the page (the test's own, not the page's: CSP does not apply to it). */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits up to 10 s until {@code js} (a script with {@code return}) returns true. */
    public void waitFor(String js) {
        waitFor(js, Duration.ofSeconds(10));
    }

    /** Waits up to {@code timeout} until {@code js} (a script with {@code return}) returns true. */
    public void waitFor(String js, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(script(js)));
    }

    /**
     * Makes the browser as a fresh one would be for the next test class: one new tab on about:blank, no cookies (they do
     * not isolate by port, and the sandbox knows a browser by its cookie), no console messages, no download folder
     * or clipboard permission, a viewport of {@code width} × {@code height}.
     */
    void reset(int width, int height) {
        // a new tab, so that Back cannot reach the last class's pages
        java.util.Set<String> old = driver.getWindowHandles();
        String tab = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
        for (String handle : old) driver.switchTo().window(handle).close();
        driver.switchTo().window(tab);
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
        driver.executeCdpCommand("Browser.resetPermissions", Map.of());
        driver.manage().logs().get(LogType.BROWSER);
        console.clear();
        resize(width, height);
    }

    /** Every console message so far, in order. */
    public List<LogEntry> console() {
        driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
        return List.copyOf(console);
    }

    /** Console errors so far (failed loads, CSP violations, exceptions) as text. */
    public List<String> consoleErrors() {
        return console().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Console errors since the first {@code mark} of them, e.g. {@code consoleErrorsSince(consoleErrors().size())}. */
    public List<String> consoleErrorsSince(int mark) {
        List<String> all = consoleErrors();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    /** Saves the viewport as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
