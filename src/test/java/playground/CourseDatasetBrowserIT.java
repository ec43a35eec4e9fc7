package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 14: a teacher's datasets/ CSV with Korean headers, named by a lesson's widget, trains in a real browser. */
class CourseDatasetBrowserIT {
    @RegisterExtension
    static final BrowserTab browser = BrowserTab.size(1280, 1000);

    @Test
    void aCourseCsvTrainsInTheLessonsWidget() throws Exception {
        Path content = Files.createTempDirectory("pg-course-csv");
        Files.createDirectories(content.resolve("datasets"));
        Files.writeString(content.resolve("datasets/seoul_houses.csv"),
                playground.server.CourseDatasetsTest.houses(30));
        Files.writeString(content.resolve("datasets/seoul_houses.yml"), "title: 서울 집값\n");
        Files.writeString(content.resolve("index.md"), "---\ntitle: 처음\n---\n# 처음\n\n```playground title=\"집값\"\n"
                + playground.server.CourseDatasetsTest.DOCUMENT.replace("\n", " ") + "\n```\n");
        try (RealSite site = RealSite.folder(content).workers(1).startsPerMinute(1000).start()) {
            int console = browser.consoleErrors().size();
            browser.get(site.url("/"));
            browser.waitFor("var w = document.querySelector('.pg-widget'); return w && w.dataset.summary === 'ok'");
            String picked = (String) browser.script("var s = document.querySelector('.pg-widget select');"
                    + " return s.options[s.selectedIndex].textContent");
            assertTrue(picked.contains("서울 집값"), picked);
            String facts = (String) browser.script("return document.querySelector('.pg-dataset-facts').textContent");
            assertTrue(facts.contains("회귀") && facts.contains("특성 2개"), facts);
            browser.script("document.querySelector('.pg-widget .pg-run').click()");
            browser.waitFor("return document.querySelector('.pg-widget').dataset.state === 'done'", Duration.ofSeconds(60));
            assertEquals(40L, browser.script("return document.querySelector('.pg-chart canvas').pgChart.data.datasets[0].data.length"));
            browser.screenshot("course-csv-trained");
            assertEquals(List.of(), browser.consoleErrorsSince(console));
        }
    }
}
