package playground.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import playground.markdown.LessonMarkdown;
import playground.markdown.RenderedLesson;
import playground.markdown.RunnableCode;
import playground.markdown.WidgetValidator;
import playground.runs.RunLimits;
import playground.server.TrainService;

/** The markdown hook: Markdown in, exact HTML out, for a runnable block, a refused one and one left alone. */
class CodeRunHtmlTest {
    @Test
    void aRunnableBlockGetsTheButtonARefusedOneItsReasonOnHoverAndOthersStayAsTheyAre() {
        RunnableCode stub = blocks -> List.of(new RunnableCode.Block("{\"dataset\":\"iris\"}", null),
                new RunnableCode.Block(null, "3번째 줄: <Conv2D>\n→ \"없음\""), RunnableCode.Block.NONE);
        RenderedLesson lesson = new LessonMarkdown(WidgetValidator.jsonSyntax(), stub).render("""
                ```python
                a = 1
                ```

                ```py
                b = 2
                ```

                ```python
                c = 3
                ```

                ```text
                not python
                ```
                """);
        assertEquals("""
                <div class="pg-code pg-code-runnable" data-run-config="{&quot;dataset&quot;:&quot;iris&quot;}">
                <pre><code class="language-python">a = 1
                </code></pre>
                <button type="button" class="pg-code-run"><span aria-hidden="true">▶ </span>이 코드 실행</button></div>
                <div class="pg-code pg-code-refused" title="3번째 줄: &lt;Conv2D&gt;
                → &quot;없음&quot;">
                <pre><code class="language-py">b = 2
                </code></pre>
                <p class="pg-code-note" tabindex="0">그대로는 실행할 수 없는 코드 <span class="pg-code-why">(마우스를 올리거나 누르면 이유가 보입니다)</span><span class="visually-hidden">: 3번째 줄: &lt;Conv2D&gt;
                → &quot;없음&quot;</span></p></div>
                <pre><code class="language-python">c = 3
                </code></pre>
                <pre><code class="language-text">not python
                </code></pre>
                """, lesson.html());
        assertTrue(lesson.hasCodeRun());
    }

    @Test
    void withoutTheHookNoBlockChanges() {
        RenderedLesson lesson = LessonMarkdown.withJsonWidgets().render("```python\nmodel.fit(X, y)\n```\n");
        assertEquals("<pre><code class=\"language-python\">model.fit(X, y)\n</code></pre>\n", lesson.html());
        assertFalse(lesson.hasCodeRun());
    }

    /** Issue 15: the scikit-learn notes get a button on each cell that fits a model, and no refusal notes. */
    @Test
    void theScikitLearnNotesGetAButtonOnEachCellThatFits() throws Exception {
        try (TrainService trainer = new TrainService(RunLimits.defaults(),
                Set.of())) {
            LessonMarkdown markdown = new LessonMarkdown(trainer.widgetValidator(), trainer.runnableCode());
            Map<String, Integer> fits = Map.of("01-linear-regression.md", 2, "03-classification-2.md", 3);
            for (Map.Entry<String, Integer> note : fits.entrySet()) {
                String source = Files.readString(Path.of("..", "shared", "notes", "ml-basics", note.getKey()));
                RenderedLesson lesson = markdown.render(source.substring(source.indexOf("\n---", 3) + 4));
                assertTrue(lesson.hasCodeRun(), note.getKey());
                String html = lesson.html();
                assertEquals((int) note.getValue(), html.split("class=\"pg-code pg-code-runnable\"", -1).length - 1,
                        note.getKey());
                assertFalse(html.contains("pg-code-refused"), note.getKey());
                assertTrue(html.contains("&quot;estimator&quot;"), note.getKey());
            }
        }
    }
}
