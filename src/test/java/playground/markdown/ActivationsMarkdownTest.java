package playground.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ```activations} blocks: Markdown in, exact HTML out. */
class ActivationsMarkdownTest {
    private final LessonMarkdown markdown = LessonMarkdown.withJsonWidgets();

    @Test
    void emptyActivationsBlockShowsEveryFunctionWithFormulasAsFallback() {
        RenderedLesson lesson = markdown.render("""
                ```activations
                ```
                """);
        assertEquals("""
                <div class="pg-activations" data-functions="sigmoid,tanh,relu,leaky_relu,elu,softmax">
                <pre class="pg-activations-fallback">sigmoid(x) = 1 / (1 + e^(-x))
                tanh(x) = (e^x - e^(-x)) / (e^x + e^(-x))
                relu(x) = max(0, x)
                leaky_relu(x) = x (x &gt; 0), εx (x ≤ 0), ε = 0.01
                elu(x) = x (x &gt; 0), α(e^x - 1) (x ≤ 0), α = 1.0
                softmax(z)_i = e^(z_i) / Σ_j e^(z_j)</pre></div>
                """, lesson.html());
        assertTrue(lesson.hasActivations());
        assertFalse(lesson.hasWidget());
        assertEquals(List.of(), lesson.problems());
    }

    @Test
    void activationsBlockKeepsTheAuthorsChoiceAndOrder() {
        assertEquals("""
                <p>비교해 봅시다.</p>
                <div class="pg-activations" data-functions="relu,sigmoid">
                <pre class="pg-activations-fallback">relu(x) = max(0, x)
                sigmoid(x) = 1 / (1 + e^(-x))</pre></div>
                <p>끝.</p>
                """, markdown.render("""
                비교해 봅시다.

                ```activations
                relu, sigmoid
                ```

                끝.
                """).html());
    }

    @Test
    void activationsBlockMayListOneFunctionPerLine() {
        assertEquals("""
                <div class="pg-activations" data-functions="tanh,elu">
                <pre class="pg-activations-fallback">tanh(x) = (e^x - e^(-x)) / (e^x + e^(-x))
                elu(x) = x (x &gt; 0), α(e^x - 1) (x ≤ 0), α = 1.0</pre></div>
                """, markdown.render("```activations\ntanh,\nelu\n```\n").html());
    }

    @Test
    void unknownFunctionShowsKoreanErrorBoxAndReportsProblem() {
        RenderedLesson lesson = markdown.render("""
                ```activations
                sigmoid, swish
                ```
                """);
        String message = "알 수 없는 활성화 함수 'swish' (쓸 수 있는 것: sigmoid, tanh, relu, leaky_relu, elu, softmax)";
        assertEquals("<div class=\"pg-widget-error\" role=\"alert\"><strong>활성화 함수 탐색기 오류</strong> "
                + message + "</div>\n", lesson.html());
        assertFalse(lesson.hasActivations());
        assertEquals(List.of(message), lesson.problems());
    }

    @Test
    void unknownFunctionNameIsEscapedInTheErrorBox() {
        assertEquals("<div class=\"pg-widget-error\" role=\"alert\"><strong>활성화 함수 탐색기 오류</strong> "
                + "알 수 없는 활성화 함수 '&lt;b&gt;' (쓸 수 있는 것: sigmoid, tanh, relu, leaky_relu, elu, softmax)</div>\n",
                markdown.render("```activations\n<b>\n```\n").html());
    }

    @Test
    void emptyNameAndRepeatedNameAndOptionsAreErrors() {
        assertEquals(List.of("함수 이름이 비어 있습니다: 쉼표로 구분한 이름을 쓰세요 (받은 값: relu,,tanh)"),
                markdown.render("```activations\nrelu,,tanh\n```\n").problems());
        assertEquals(List.of("같은 활성화 함수가 두 번 나옵니다: relu"),
                markdown.render("```activations\nrelu, relu\n```\n").problems());
        assertEquals(List.of("activations 블록에는 옵션이 없습니다 (받은 값: title=\"x\")"),
                markdown.render("```activations title=\"x\"\n```\n").problems());
    }

    @Test
    void otherInfoStringsStayCodeBlocks() {
        assertEquals("<pre><code class=\"language-activationsx\">relu\n</code></pre>\n",
                markdown.render("```activationsx\nrelu\n```\n").html());
    }

    @Test
    void pageWithWidgetAndExplorerReportsBoth() {
        RenderedLesson lesson = markdown.render("```playground\n{}\n```\n\n```activations\nrelu\n```\n");
        assertTrue(lesson.hasWidget());
        assertTrue(lesson.hasActivations());
    }
}
