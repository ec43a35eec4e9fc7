package playground.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import playground.markdown.LessonMarkdown;

/** The search a student can use: spacing, slips, code, tables and math, the teaching section first. */
class SearchTest {
    @TempDir
    Path dir;
    private Course course;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                ---
                title: 최적화
                ---
                # 최적화

                딥러닝도 경사하강법을 씁니다.

                | 옵티마이저 | 학습률 |
                |---|---|
                | Adam | 0.001 |

                ```python
                model.fit(X, y, epochs=100)
                ```
                """);
        Files.writeString(dir.resolve("b.md"), """
                ---
                title: 선형 회귀
                ---
                # 선형 회귀

                직선 $\\hat{y} = w x + b$ 를 고릅니다.

                ## 경사하강법

                기울기를 따라 조금씩 내려가는 경사하강법은 …

                ## 과대적합

                훈련 데이터에만 맞는 모델.
                """);
        course = CourseLoader.load(dir, LessonMarkdown.withJsonWidgets());
    }

    private List<String> urls(String query) {
        return course.search(query, 10).stream().map(SearchHit::url).toList();
    }

    @Test
    void theLessonWhoseSectionTeachesATermComesFirstAtThatSection() {
        assertEquals(List.of("/b#경사하강법", "/a"), urls("경사하강법"));
        SearchHit hit = course.search("경사하강법", 1).get(0);
        assertEquals("경사하강법", hit.section());
        assertEquals("기울기를 따라 조금씩 내려가는 ", hit.before());
        assertEquals("경사하강법", hit.match());
    }

    @Test
    void spacesInTheQueryOrTheTextDoNotMatter() {
        assertEquals(List.of("/b#경사하강법", "/a"), urls("경사 하강법"));
        assertEquals("경사하강법", course.search("경 사 하 강 법", 1).get(0).match());
        assertEquals(List.of("/b"), urls("선형회귀"));
    }

    @Test
    void tablesAndCodeAreSearchedAndTheMatchKeepsItsCase() {
        SearchHit adam = course.search("adam", 1).get(0);
        assertEquals("Adam", adam.match());
        assertEquals(List.of("/a"), urls("epochs"));
    }

    @Test
    void aSmallSlipIsForgivenButRanksBelowExactHits() {
        assertEquals(List.of("/b#경사하강법", "/a"), urls("경사하깡법"));
        SearchHit near = course.search("과적합", 1).get(0);
        assertEquals("/b#과대적합", near.url());
        assertEquals("과대적합", near.section());
        assertEquals(List.of(), urls("하깡"), "two letters: no slip allowed");
        assertEquals(List.of(), urls("zzz"));
    }

    @Test
    void mathStaysInTheSnippetAsItsTex() {
        SearchHit hit = course.search("직선", 1).get(0);
        assertTrue(hit.after().startsWith(" \\hat{y} = w x + b"), hit.after());
    }

    @Test
    void theRealCourseFindsWhatTheIssueAskedFor() {
        Course real = CourseLoader.load(Path.of("content"), LessonMarkdown.withJsonWidgets());
        for (String query : List.of("경사 하강법", "경사하깡법", "과적합", "Adam", "epoch")) {
            assertTrue(!real.search(query, 5).isEmpty(), query);
        }
        assertTrue(real.search("경사 하강법", 1).get(0).url().startsWith("/ml-basics/"),
                "a section that teaches it comes first");
    }
}
