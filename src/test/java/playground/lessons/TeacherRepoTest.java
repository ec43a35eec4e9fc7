package playground.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import playground.TeacherRepo;
import playground.markdown.LessonMarkdown;

/** A teacher's just-the-docs repository, loaded as it is: what Jekyll would build, and nothing Jekyll leaves out. */
class TeacherRepoTest {
    private static TeacherRepo repo;
    private static Course course;

    @BeforeAll
    static void load() {
        repo = TeacherRepo.create();
        course = CourseLoader.load(repo.root, LessonMarkdown.withJsonWidgets());
    }

    private static Document page(String url) {
        return Jsoup.parse(course.lesson(url).orElseThrow(() -> new AssertionError("no lesson at " + url))
                .content().html());
    }

    @Test
    void jekyllsExcludesAndTheConfigsExcludeLeaveOutReadmeVendorNodeModulesAndDrafts() {
        Set<String> sources = course.lessons().stream().map(Lesson::source).collect(Collectors.toSet());
        Set<String> expected = new java.util.HashSet<>(Set.of("index.md", TeacherRepo.NOTES + "index.md"));
        repo.notes.forEach(n -> expected.add(TeacherRepo.NOTES + n));
        assertEquals(expected, sources);
        assertEquals("처음", course.home().orElseThrow().title(), "index.md, not README.md, is the home page");
    }

    @Test
    void configTitleAndTheKeysThatApply() {
        SiteConfig config = course.config();
        assertEquals(TeacherRepo.TITLE, config.title());
        assertEquals("/ml-notes", config.baseurl());
        assertTrue(config.prettyPermalinks());
        assertEquals(List.of(new SiteConfig.ExternalLink("GitHub 저장소", "https://github.com/example/ml-notes", false)),
                config.auxLinks());
        assertEquals(List.of(new SiteConfig.ExternalLink("Keras 문서", "https://keras.io/", false)),
                config.navExternalLinks());
        assertTrue(config.footerContent().startsWith("Copyright &copy; 2026 김선생."));
    }

    @Test
    void everyImageTheNotesNameFromTheirJekyllUrlIsFoundAndServed() {
        int seen = 0;
        for (String note : repo.notes) {
            Document html = page(TeacherRepo.url(note));
            assertEquals(List.of(), html.select(".image-missing").eachText(), note);
            for (String src : html.select("img").eachAttr("src")) {
                String path = URLDecoder.decode(src, StandardCharsets.UTF_8);
                assertTrue(repo.images.contains(path.substring(1)), note + ": " + src);
                assertTrue(course.asset(path).isPresent(), note + ": " + src + " is not served");
                seen++;
            }
        }
        assertEquals(repo.images.size(), seen, "every image the notes name appears once");
        assertFalse(course.problems().stream().anyMatch(p -> p.message().startsWith("image not found")),
                course.problems().toString());
    }

    @Test
    void linksToMarkdownFilesOldHtmlAddressesBaseurlAndLinkTagsReachTheLessons() {
        Document home = page("/");
        assertEquals(List.of("/docs/ml-basics/", "/docs/ml-basics/05-deep-learning",
                        "/docs/ml-basics/03-classification-2#decision-tree-결정-트리",
                        "/docs/ml-basics/01-linear-regression"),
                home.select("p a:not(.footnote-ref a)").eachAttr("href").stream()
                        .filter(h -> h.startsWith("/")).toList());
        assertEquals("btn btn-primary mr-2", home.selectFirst("a[href=/docs/ml-basics/]").className());
    }

    @Test
    void footnotesIncludesAndUnsupportedLiquidAreVisible() {
        Document home = page("/");
        assertEquals("1", home.selectFirst("sup a").text());
        assertTrue(home.selectFirst(".footnotes li").text().startsWith("예전 Jekyll 주소도 그대로 열립니다."));
        assertEquals(TeacherRepo.TITLE + "에 오신 것을 환영합니다.", home.selectFirst("p.note").text());
        assertEquals(List.of("{% if site.show_banner %}", "{% endif %}"), home.select(".liquid-unsupported").eachText());
        List<String> listed = course.problems().stream().map(CourseProblem::toString).toList();
        assertTrue(listed.contains("index.md:16: Liquid tag not supported: {% if site.show_banner %}"), listed.toString());
    }
}
