package playground.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import playground.markdown.LessonMarkdown;

class CourseTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Course load() {
        return CourseLoader.load(dir, LessonMarkdown.withJsonWidgets());
    }

    private static List<String> titles(List<NavNode> nodes) {
        return nodes.stream().map(n -> n.lesson().title()).toList();
    }

    @Test
    void frontMatterKeysAreRead() {
        FrontMatter.Split split = FrontMatter.split("""
                ---
                layout: default
                title: 기초 & Linear Regression
                parent: Machine Learning 기초
                nav_order: 2
                has_children: true
                nav_exclude: false
                permalink: /basics/
                ---\s
                # 본문
                """);
        assertEquals(new FrontMatter("기초 & Linear Regression", "Machine Learning 기초", 2.0, true, false, "/basics/"),
                split.frontMatter());
        assertEquals("# 본문", split.body());
        assertEquals(List.of(), split.problems());
    }

    @Test
    void brokenFrontMatterStillGivesTheBodyAndAProblem() {
        FrontMatter.Split split = FrontMatter.split("---\ntitle: [unclosed\nparent: x\n---\n본문\n");
        assertEquals(FrontMatter.EMPTY, split.frontMatter());
        assertEquals("본문", split.body());
        assertEquals(1, split.problems().size());
    }

    @Test
    void unclosedFrontMatterShowsTheWholeFile() {
        FrontMatter.Split split = FrontMatter.split("---\ntitle: 끝이 없음\n\n# 제목\n");
        assertTrue(split.body().contains("# 제목"));
        assertFalse(split.problems().isEmpty());
    }

    @Test
    void navigationFollowsParentAndNavOrder() throws IOException {
        write("index.md", "---\ntitle: 홈\n---\n# 홈\n");
        write("b.md", "---\ntitle: 둘째 단원\nnav_order: 2\n---\n# 둘째\n");
        write("a.md", "---\ntitle: 첫 단원\nnav_order: 1\nhas_children: true\n---\n# 첫\n");
        write("a/y.md", "---\ntitle: 나중 강의\nparent: 첫 단원\nnav_order: 2\n---\n# y\n");
        write("a/x.md", "---\ntitle: 먼저 강의\nparent: 첫 단원\nnav_order: 1\n---\n# x\n");
        write("hidden.md", "---\ntitle: 숨김\nnav_exclude: true\n---\n# 숨김\n");
        Course course = load();
        assertEquals(List.of("첫 단원", "둘째 단원"), titles(course.navigation()));
        assertEquals(List.of("먼저 강의", "나중 강의"), titles(course.navigation().get(0).children()));
        Lesson x = course.lesson("/a/x").orElseThrow();
        assertEquals(List.of("첫 단원"), course.breadcrumbs(x).stream().map(Lesson::title).toList());
        assertEquals("첫 단원", course.previous(x).orElseThrow().title());
        assertEquals("나중 강의", course.next(x).orElseThrow().title());
        assertTrue(course.lesson("/hidden").isPresent(), "nav_exclude pages are still served");
        assertEquals("홈", course.home().orElseThrow().title());
    }

    @Test
    void unknownParentShowsLessonAtTopLevel() throws IOException {
        write("x.md", "---\ntitle: 고아\nparent: 없는 단원\n---\n# 고아\n");
        Course course = load();
        assertEquals(List.of("고아"), titles(course.navigation()));
    }

    @Test
    void brokenFrontMatterLessonStillLoadsWithTitleFromHeading() throws IOException {
        write("broken.md", "---\ntitle: [oops\n---\n## 깨진 머리말\n내용\n");
        Lesson lesson = load().lesson("/broken").orElseThrow();
        assertEquals("깨진 머리말", lesson.title());
        assertTrue(lesson.content().html().contains("내용"));
    }

    @Test
    void authorProblemsAreListedOnceInTheLogWithFileAndLine() throws IOException {
        write("unit/broken.md", "---\ntitle: [oops\n---\n# 깨짐\n");
        write("unit/orphan.md", "---\ntitle: 고아\nparent: 없는 단원\n---\n# 고아\n");
        write("unit/widget.md", "# 위젯\n\n```playground\n{ not json\n```\n");
        write("unit/explorer.md", "# 탐색기\n\n```activations\nrelu, swish\n```\n");
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            load();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains("WARN playground.lessons.CourseLoader - the course could not follow:"), log);
        assertTrue(log.contains("\n  unit/broken.md:1: front matter is not valid YAML"), log);
        assertTrue(log.contains("\n  unit/orphan.md:1: parent '없는 단원' is not the title of any lesson"), log);
        assertTrue(log.contains("\n  unit/widget.md: fenced block: 설정이 올바른 JSON이 아닙니다"), log);
        assertTrue(log.contains("\n  unit/explorer.md: fenced block: 알 수 없는 활성화 함수 'swish'"), log);
        assertEquals(1, log.split("could not follow:", -1).length - 1, "listed once: " + log);
    }

    @Test
    void permalinkAndIndexFilesDecideUrls() {
        assertEquals("/", CourseLoader.url("index.md", null));
        assertEquals("/unit/", CourseLoader.url("unit/index.md", null));
        assertEquals("/unit/lesson", CourseLoader.url("unit/lesson.md", null));
        assertEquals("/custom/", CourseLoader.url("unit/lesson.md", "custom/"));
        assertEquals("/unit/lesson", CourseLoader.url("unit/lesson.md", "/../etc"));
    }

    @Test
    void searchFindsKoreanWordsWithSnippet() throws IOException {
        write("gd.md", "---\ntitle: 최적화\n---\n# 최적화\n\n손실을 줄이는 **경사하강법**은 기울기를 따라 내려갑니다.\n");
        write("other.md", "---\ntitle: 다른 강의\n---\n# 다른\n\n관계없는 내용\n");
        List<SearchHit> hits = load().search("경사하강법", 10);
        assertEquals(1, hits.size());
        SearchHit hit = hits.get(0);
        assertEquals("최적화", hit.lesson().title());
        assertEquals("경사하강법", hit.match());
        assertTrue(hit.before().endsWith("손실을 줄이는 "), hit.before());
        assertTrue(hit.after().startsWith("은 기울기를"), hit.after());
        assertEquals(List.of(), load().search("  ", 10));
    }

    @Test
    void imagesResolveBesideTheLessonAndMissingOnesBecomePlaceholders() throws IOException {
        write("unit/lesson.md", "![있음](img/a.png)\n\n![없음](img/none.png)\n\n![밖](../../etc/passwd.png)\n");
        write("unit/img/a.png", "png");
        Course course = load();
        String html = course.lesson("/unit/lesson").orElseThrow().content().html();
        assertTrue(html.contains("<img src=\"/unit/img/a.png\" alt=\"있음\" />"), html);
        assertTrue(html.contains("<span class=\"image-missing\" role=\"img\" aria-label=\"없음\">없음</span>"), html);
        assertTrue(html.contains("aria-label=\"밖\""), html);
        assertEquals(List.of("/unit/img/a.png"), course.images());
    }

    @Test
    void assetLookupRefusesTraversalAndNonImages() throws IOException {
        write("unit/img/a.png", "png");
        write("unit/lesson.md", "# x\n");
        Course course = load();
        assertTrue(course.asset("/unit/img/a.png").isPresent());
        assertFalse(course.asset("/unit/../unit/img/a.png").isPresent());
        assertFalse(course.asset("/unit/lesson.md").isPresent());
        assertFalse(course.asset("/../" + dir.getFileName() + "/unit/img/a.png").isPresent());
        assertFalse(course.asset("unit/img/a.png").isPresent());
    }
}
