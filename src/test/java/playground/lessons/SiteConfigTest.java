package playground.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code _config.yml}: the keys that apply, Jekyll's excludes, and a broken config that changes nothing. */
class SiteConfigTest {
    @Test
    void excludeAddsToJekyllsDefaultsAndIncludeBringsBackHiddenFiles() {
        List<String> problems = new ArrayList<>();
        SiteConfig config = SiteConfig.parse("exclude: [drafts/, \"*.tmp.md\"]\ninclude: [_pages]\n", problems);
        assertEquals(List.of(), problems);
        for (String left : List.of("vendor/bundle/x.md", "node_modules/a/README.md", "Gemfile", "_site/index.md",
                "drafts/a.md", "docs/x.tmp.md", ".github/a.md", "_includes/a.md")) {
            assertTrue(config.excludes(left), left);
        }
        for (String kept : List.of("docs/a.md", "_pages/about.md", "vendors.md")) {
            assertFalse(config.excludes(kept), kept);
        }
    }

    @Test
    void brokenYamlKeepsTheDefaultsAndSaysSo() {
        List<String> problems = new ArrayList<>();
        assertEquals(SiteConfig.DEFAULT, SiteConfig.parse("title: [oops", problems));
        assertTrue(problems.get(0).startsWith("not valid YAML"), problems.toString());
    }

    @Test
    void baseurlGetsItsSlashAndSearchCanBeTurnedOff() {
        SiteConfig config = SiteConfig.parse("baseurl: notes/\nsearch_enabled: false\n", new ArrayList<>());
        assertEquals("/notes", config.baseurl());
        assertFalse(config.searchEnabled());
        assertEquals(SiteConfig.DEFAULT_TITLE, config.title());
    }

    @Test
    void dotDotStopsAtTheRootAsInABrowser() {
        assertEquals("/assets/x.png", CourseLoader.join("/docs/ml-basics/05-deep-learning/", "../../../assets/x.png"));
        assertEquals("/assets/x.png", CourseLoader.join("/docs/ml-basics/", "../../../assets/x.png"));
        assertEquals("/docs/b/", CourseLoader.join("/docs/a/", "../b/"));
    }
}
