package playground.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import playground.markdown.LessonMarkdown;

/** Every real note in ../shared/notes/ml-basics renders completely: no kramdown left, TOC, math, tables. */
class NotesRenderTest {
    static Path notesDir() {
        String shared = System.getenv().getOrDefault("SHARED_DIR", "../shared");
        return Path.of(shared, "notes", "ml-basics");
    }

    static Stream<String> notes() throws IOException {
        try (Stream<Path> files = Files.list(notesDir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .sorted().toList();
            assertFalse(names.isEmpty(), "no notes found in " + notesDir().toAbsolutePath());
            return names.stream();
        }
    }

    private static Course course;

    @BeforeAll
    static void load() {
        course = CourseLoader.load(notesDir(), LessonMarkdown.withJsonWidgets());
    }

    private static Lesson lesson(String name) {
        return course.lessons().stream().filter(l -> l.source().equals(name)).findFirst().orElseThrow();
    }

    private static String source(String name) throws IOException {
        return Files.readString(notesDir().resolve(name));
    }

    @ParameterizedTest
    @MethodSource("notes")
    void noKramdownSyntaxReachesTheReader(String name) {
        String html = lesson(name).content().html();
        Document page = Jsoup.parse(html);
        assertFalse(html.contains("{:"), "{: left in " + name);
        assertFalse(html.contains("markdown=\""), "markdown= left in " + name);
        assertFalse(page.text().contains("1. TOC"), "1. TOC left in " + name);
        assertTrue(page.select("li, p").stream().noneMatch(e -> e.ownText().strip().equals("TOC")), "TOC item left");
    }

    @ParameterizedTest
    @MethodSource("notes")
    void tableOfContentsListsEverySectionAndEveryLinkHasATarget(String name) {
        Document page = Jsoup.parse(lesson(name).content().html());
        Element toc = page.getElementById("markdown-toc");
        assertNotNull(toc, "no TOC in " + name);
        List<String> expected = page.select("h2, h3, h4").stream()
                .filter(h -> !h.hasClass("no_toc")).map(h -> "#" + h.id()).toList();
        List<String> links = toc.select("a").eachAttr("href");
        assertEquals(expected, links);
        assertTrue(links.size() >= 5, "suspiciously short TOC in " + name);
        for (String link : links) {
            assertNotNull(page.getElementById(link.substring(1)), "no target for " + link);
        }
    }

    @ParameterizedTest
    @MethodSource("notes")
    void everyDollarPairIsMathForKatex(String name) throws IOException {
        Document page = Jsoup.parse(lesson(name).content().html());
        int mathInSource = countMath(source(name));
        assertEquals(mathInSource, page.select(".math").size(), "math spans in " + name);
        page.select("pre, code, .math").remove();
        assertFalse(page.text().contains("$"), "stray $ in " + name + ": " + page.text());
        for (Element math : Jsoup.parse(lesson(name).content().html()).select(".math")) {
            assertFalse(math.text().isBlank());
        }
    }

    /** $…$ pairs outside code fences and inline code in the raw note. */
    private static int countMath(String source) {
        int count = 0;
        boolean fence = false;
        for (String line : source.split("\n")) {
            if (line.strip().startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (!fence) {
                String text = line.replaceAll("`[^`]*`", "");
                count += (int) text.chars().filter(c -> c == '$').count() / 2;
            }
        }
        return count;
    }

    @ParameterizedTest
    @MethodSource("notes")
    void everyTableIsIntactWithAllItsColumns(String name) throws IOException {
        Document page = Jsoup.parse(lesson(name).content().html());
        List<Integer> headerWidths = new ArrayList<>();
        for (String line : source(name).split("\n")) {
            if (line.strip().matches("\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)+\\|?")) {
                headerWidths.add((int) line.strip().chars().filter(c -> c == '|').count() - 1);
            }
        }
        List<Element> tables = page.select("table");
        assertEquals(headerWidths.size(), tables.size(), "tables in " + name);
        for (int i = 0; i < tables.size(); i++) {
            Element table = tables.get(i);
            int columns = table.select("thead th").size();
            assertEquals(headerWidths.get(i), columns, "columns of table " + i + " in " + name);
            for (Element row : table.select("tbody tr")) {
                assertEquals(columns, row.select("td").size(), "a row of table " + i + " in " + name);
            }
            assertFalse(table.select("tbody tr").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("notes")
    void titleAndParentComeFromFrontMatter(String name) {
        Lesson lesson = lesson(name);
        assertEquals("Machine Learning 기초", lesson.parent());
        assertFalse(lesson.title().isBlank());
        assertTrue(lesson.url().startsWith("/"));
    }

    @org.junit.jupiter.api.Test
    void theWideTableKeepsAllHundredAndSixColumns() {
        Document page = Jsoup.parse(lesson("01-linear-regression.md").content().html());
        assertTrue(page.select("table").stream().anyMatch(t -> t.select("thead th").size() == 106));
    }
}
