package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import playground.BrowserTab;
import playground.RealSite;
import playground.lessons.Lesson;

/**
 * The course notes served as they are (CONTENT_DIR = a copy of ../shared/notes/ml-basics): the block that builds
 * the notes' Keras model gets "▶ 이 코드 실행", and pressing it in headless Chromium trains exactly that model on our
 * trainer. A near-miss lesson shows why its code cannot run on hover. Screenshots go to target/screenshots/.
 */
class NotesCodeRunBrowserIT {
    private static final Path NOTES = Path.of("..", "shared", "notes", "ml-basics");
    private static final String NEAR_MISS = """
            ---
            title: 합성곱은 아직
            ---
            # 합성곱은 아직

            ```python
            from tensorflow import keras
            from tensorflow.keras import layers
            (X_train, y_train), (X_test, y_test) = keras.datasets.boston_housing.load_data()
            model = keras.Sequential([
                layers.Conv2D(32, 3, activation='relu'),
                layers.Dense(1),
            ])
            model.compile(loss='mse', optimizer='adam')
            model.fit(X_train, y_train, epochs=10)
            ```
            """;

    /** Runnable code above a preset widget: the widget opened from the code must not take the preset's name. */
    private static final String CODE_THEN_PRESET = """
            ---
            title: 코드 다음에 위젯
            ---
            # 코드 다음에 위젯

            ```python
            from sklearn.datasets import load_iris
            from sklearn.model_selection import train_test_split
            from tensorflow import keras
            X, y = load_iris(return_X_y=True)
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
            model = keras.Sequential([keras.layers.Dense(8, activation='relu'), keras.layers.Dense(3, activation='softmax')])
            model.compile(loss='sparse_categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
            model.fit(X_train, y_train, epochs=5)
            ```

            ```playground title="미리 넣은 위젯"
            {"dataset": "iris", "model": {"layers": [{"units": 3, "activation": "softmax"}]},
             "compile": {"optimizer": "adam", "loss": "sparse_categorical_crossentropy"}, "fit": {"epochs": 2}}
            ```
            """;

    private static Path content;
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 900);
    @RegisterExtension
    static final RealSite site = RealSite.course(NotesCodeRunBrowserIT::write).workers(2).startsPerMinute(1000);

    /** The course the site serves, written into its fresh folder. */
    static void write(Path dir) throws IOException {
        content = dir;
        try (Stream<Path> files = Files.list(NOTES)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) Files.copy(file, content.resolve(file.getFileName()));
            }
        }
        Files.writeString(content.resolve("near-miss.md"), NEAR_MISS);
        Files.writeString(content.resolve("code-then-preset.md"), CODE_THEN_PRESET);
    }

    private static String url(String file) {
        Lesson lesson = site.site().course().lessons().stream().filter(l -> l.source().endsWith(file)).findFirst().orElseThrow();
        return site.url(lesson.url());
    }

    @Test
    void theNotesModelBlockRunsTheNotesModelToTheEnd() {
        int console = browser.consoleErrors().size();
        browser.get(url("05-deep-learning.md"));
        browser.waitFor("return document.querySelectorAll('.pg-code-runnable .pg-code-run').length === 1");
        String code = (String) browser.js("return document.querySelector('.pg-code-runnable pre').textContent");
        assertTrue(code.contains("model = keras.Sequential(["), code);
        assertEquals(0L, browser.js("return document.querySelectorAll('.pg-code-refused').length"), "no other block is refused");
        browser.js("document.querySelector('.pg-code-runnable').scrollIntoView({block: 'center'})");
        browser.screenshot("code-run-button");
        browser.resize(390, 844);
        browser.js("document.querySelector('.pg-code-run').scrollIntoView({block: 'center'})");
        browser.screenshot("code-run-button-phone");
        assertEquals(true, browser.js("var r = document.querySelector('.pg-code-run').getBoundingClientRect();"
                + " return r.left >= 0 && r.right <= window.innerWidth"), "the button fits a phone's width");
        browser.resize(1280, 900);

        browser.js("document.querySelector('.pg-code-run').click()");
        browser.waitFor("var w = document.querySelector('.pg-widget[data-from-code]');"
                + " return !!w && (w.dataset.state === 'running' || w.dataset.state === 'done')", Duration.ofSeconds(30));
        assertEquals(true, browser.js("return document.querySelector('.pg-code-runnable').nextElementSibling"
                + " === document.querySelector('.pg-widget[data-from-code]')"), "the widget opens right under the code");
        browser.js("document.querySelector('.pg-code-runnable').scrollIntoView({block: 'start'})");
        browser.screenshot("code-run-widget-opened");
        browser.waitFor("var w = document.querySelector('.pg-widget[data-from-code]');"
                + " return !!w && w.dataset.state === 'done'", Duration.ofSeconds(60));
        String summary = (String) browser.js("return document.querySelector('.pg-widget[data-from-code] .pg-summary').textContent");
        assertTrue(summary.contains("3,036") && summary.contains("3,009") && summary.contains("27"), summary);
        assertEquals(100L, browser.js("return document.querySelector('.pg-widget[data-from-code] .pg-chart canvas')"
                + ".pgChart.data.datasets[0].data.length"));
        String progress = (String) browser.js("return document.querySelector('.pg-widget[data-from-code] .pg-progress').textContent");
        assertTrue(progress.contains("100 / 100"), progress);
        String metrics = (String) browser.js("return document.querySelector('.pg-widget[data-from-code] .pg-test-metrics')"
                + ".textContent");
        assertTrue(metrics.matches("(?s).*loss.*\\d+\\.\\d+.*"), "the test MSE (the loss, mse) is shown: " + metrics);
        assertEquals(true, browser.js("return document.querySelector('.pg-widget[data-from-code]').dataset.config"
                + ".indexOf('\"learning_rate\":0.01') >= 0"));
        browser.js("document.querySelector('.pg-widget[data-from-code] .pg-chart').scrollIntoView({block: 'center'})");
        browser.screenshot("code-run-trained");
        browser.js("document.querySelector('.pg-widget[data-from-code] .pg-test-metrics').scrollIntoView({block: 'center'})");
        browser.screenshot("code-run-test-metrics");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    /** Issue 15: note 03's scikit-learn cells run as they are and show the score the notes print. */
    @Test
    void theNotesScikitLearnCellsRunAndShowTheNotesScore() {
        int console = browser.consoleErrors().size();
        browser.get(url("03-classification-2.md"));
        browser.waitFor("return document.querySelectorAll('.pg-code-runnable .pg-code-run').length === 3");
        assertEquals(true, browser.js("return document.querySelectorAll('.pg-code-runnable')[2].textContent"
                + ".indexOf('model.fit(X_train, y_train)') >= 0"), "the cell that fits the AdaBoost model");
        browser.js("document.querySelectorAll('.pg-code-run')[2].click()");
        browser.waitFor("var p = document.querySelector('.pg-fit'); return !!p && p.dataset.state === 'done'",
                Duration.ofSeconds(30));
        assertEquals(true, browser.js("return document.querySelectorAll('.pg-code-runnable')[2].nextElementSibling"
                + " === document.querySelector('.pg-fit')"), "the result opens right under the code");
        // the notes print model.score(X_test, y_test) as 0.8666666666666667
        assertEquals("0.8666666666666667", browser.js("return document.querySelector('.pg-fit [data-score=\"test\"]').textContent"));
        assertEquals(4L, browser.js("return document.querySelectorAll('.pg-fit .pg-fit-bar-row').length"),
                "the four iris features' importances as bars");
        browser.js("document.querySelector('.pg-fit').scrollIntoView({block: 'center'})");
        browser.screenshot("code-run-sklearn-adaboost");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void aWidgetOpenedAboveAPresetGetsItsOwnNameAndSitsUnderTheCode() {
        int console = browser.consoleErrors().size();
        browser.get(url("code-then-preset.md"));
        browser.waitFor("var w = document.querySelector('.pg-widget'); return !!w && w.dataset.mounted === 'true'");
        browser.js("document.querySelector('.pg-code-run').click()");
        browser.waitFor("var w = document.querySelector('.pg-widget[data-from-code]');"
                + " return !!w && w.dataset.state === 'done'", Duration.ofSeconds(30));
        assertEquals(true, browser.js("return document.querySelector('.pg-code-runnable').nextElementSibling"
                + " === document.querySelector('.pg-widget[data-from-code]')"));
        assertEquals(List.of("pg2", "pg1"), browser.js("return Array.from(document.querySelectorAll('.pg-widget'))"
                + ".map(function (w) { return w.dataset.key; })"));
        assertEquals(0L, browser.js("var ids = Array.from(document.querySelectorAll('[id]')).map(function (e) { return e.id; });"
                + " return ids.length - new Set(ids).size"), "no two elements share an id");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }

    @Test
    void aNearMissSaysOnHoverWhichLineItCouldNotFollow() {
        int console = browser.consoleErrors().size();
        browser.get(url("near-miss.md"));
        browser.waitFor("return document.querySelectorAll('.pg-code-refused').length === 1");
        assertEquals(0L, browser.js("return document.querySelectorAll('.pg-code-run').length"));
        String title = (String) browser.js("return document.querySelector('.pg-code-refused').title");
        assertTrue(title.contains("5번째 줄: layers.Conv2D(32, 3, activation='relu'),") && title.contains("Conv2D 층은"),
                title);
        browser.js("document.querySelector('.pg-code-note').click()");
        String shown = (String) browser.js("var r = document.querySelector('.pg-code-reason'); return r && r.offsetParent !== null"
                + " ? r.textContent : null");
        assertEquals(title, shown, "pressing the note shows the same reason (no hover on phones)");
        browser.screenshot("code-run-near-miss");
        assertEquals(List.of(), browser.consoleErrorsSince(console));
    }
}
