package playground.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import playground.markdown.internal.Escape;

/** Markdown in, exact HTML out: one test per item of the notes' dialect. */
class LessonMarkdownTest {
    private final LessonMarkdown markdown = LessonMarkdown.withJsonWidgets();

    private String html(String source) {
        return markdown.render(source).html();
    }

    // ---- kramdown attribute lists ----

    @Test
    void attributeListAddsClassesToPreviousParagraph() {
        assertEquals("<p class=\"fs-1 lh-0\">\u00a0</p>\n", html("""
                &nbsp;
                {: .fs-1 .lh-0}
                """));
    }

    @Test
    void attributeListUnderHeadingMarksHeadingNoToc() {
        assertEquals("<h1 class=\"no_toc\" id=\"제목\">제목</h1>\n<p><br/></p>\n", html("""
                # 제목
                {: .no_toc }
                <br/>
                """));
    }

    @Test
    void attributeListSetsIdOfHeading() {
        assertEquals("<h2 id=\"intro\">소개</h2>\n", html("""
                ## 소개
                {: #intro }
                """));
    }

    @Test
    void attributeListAfterImageSetsWidth() {
        assertEquals("<p><img src=\"tree.png\" alt=\"나무\" width=\"550\" /></p>\n", html("""
                ![나무](tree.png){: width="550"}
                """));
    }

    @Test
    void attributeListAfterLinkSetsTarget() {
        assertEquals("<p>설치: <a href=\"https://example.org\" target=\"_blank\">example</a> 참고</p>\n", html("""
                설치: [example](https://example.org){: target="_blank"} 참고
                """));
    }

    @Test
    void attributeListUnderCaptionStylesWholeParagraph() {
        assertEquals("""
                <p class="fs-2 text-grey-dk-000"><img src="a.png" alt="그림" width="500" /><br />
                (출처: 예시)</p>
                """, html("""
                ![그림](a.png){: width="500"} \s
                (출처: 예시)
                {: .fs-2 .text-grey-dk-000 }
                """));
    }

    @Test
    void attributeListBeforeParagraphMakesNoteCallout() {
        assertEquals("<p class=\"note\">먼저 읽어 보세요.</p>\n", html("""
                {: .note }
                먼저 읽어 보세요.
                """));
    }

    @Test
    void attributeListOnOwnParagraphStylesNextBlockAfterBlankLine() {
        assertEquals("<p>앞</p>\n<p class=\"label label-green\">뒤</p>\n", html("""
                앞

                {: .label .label-green }
                뒤
                """));
    }

    @Test
    void attributeListInsideListItemIsRemoved() {
        assertEquals("""
                <ol>
                <li>
                <p><strong>종류</strong></p>
                <p class="fs-1 lh-0">\u00a0</p>
                </li>
                </ol>
                """, html("""
                1. **종류**

                    &nbsp;
                    {: .fs-1 .lh-0}
                """));
    }

    @Test
    void attributeListInsideHtmlBlockStylesElementAbove() {
        assertEquals("""
                <details open>
                  <summary class="text-delta">
                    목차
                  </summary>
                </details>
                """, html("""
                <details open>
                  <summary>
                    목차
                  </summary>
                  {: .text-delta }
                </details>
                """));
    }

    @Test
    void attributeListAfterFencedCodeGoesOnPre() {
        assertEquals("<pre class=\"wide\"><code class=\"language-python\">x = 1\n</code></pre>\n", html("""
                ```python
                x = 1
                ```
                {: .wide }
                """));
    }

    // ---- table of contents ----

    @Test
    void tocPlaceholderBecomesNestedListOfHeadings() {
        assertEquals("""
                <h1 class="no_toc" id="강의">강의</h1>
                <ol id="markdown-toc" class="toc">
                <li><a href="#경사하강법이란">경사하강법이란?</a>
                <ul>
                <li><a href="#학습률">학습률</a></li>
                </ul>
                </li>
                <li><a href="#정리">정리</a></li>
                </ol>
                <h2 id="경사하강법이란">경사하강법이란?</h2>
                <h3 id="학습률">학습률</h3>
                <h2 id="정리">정리</h2>
                """, html("""
                # 강의
                {: .no_toc }

                1. TOC
                {:toc}

                ## 경사하강법이란?
                ### 학습률
                ## 정리
                """));
    }

    @Test
    void bulletTocPlaceholderBecomesUnorderedList() {
        assertEquals("""
                <ul id="markdown-toc" class="toc">
                <li><a href="#하나">하나</a></li>
                </ul>
                <h2 id="하나">하나</h2>
                """, html("""
                - TOC
                {:toc}

                ## 하나
                """));
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() {
        List<TocEntry> toc = markdown.render("""
                ## 기본 개념
                ## 기본 개념
                ## Linear Regression (선형회귀)
                """).toc();
        assertEquals(List.of(new TocEntry(2, "기본-개념", "기본 개념"), new TocEntry(2, "기본-개념-1", "기본 개념"),
                new TocEntry(2, "linear-regression-선형회귀", "Linear Regression (선형회귀)")), toc);
    }

    // ---- Markdown inside HTML ----

    @Test
    void markdownInsideDetailsBlockIsRendered() {
        assertEquals("""
                <details open>
                  <summary class="text-delta">
                    목차
                  </summary>
                <ol id="markdown-toc" class="toc">
                <li><a href="#가">가</a></li>
                </ol>
                </details>
                <hr />
                <h2 id="가">가</h2>
                """, html("""
                <details open markdown="block">
                  <summary>
                    목차
                  </summary>
                  {: .text-delta }


                1. TOC
                {:toc}
                </details>
                ---

                ## 가
                """));
    }

    @Test
    void markdownRightAfterEndTagInsideMarkdownBlockIsStillMarkdown() {
        assertEquals("""
                <details open>
                  <summary class="text-delta">
                    목차
                  </summary>
                <ul id="markdown-toc" class="toc">
                <li><a href="#가">가</a></li>
                </ul>
                </details>
                <h2 id="가">가</h2>
                """, html("""
                <details open markdown="block">
                  <summary>
                    목차
                  </summary>
                  {: .text-delta }
                - TOC
                {:toc}
                </details>

                ## 가
                """));
    }

    @Test
    void markdownInsideCodeExampleDivRendersTable() {
        assertEquals("""
                <div class="code-example">
                <table>
                <thead>
                <tr>
                <th align="right"></th>
                <th align="right">MEDV</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="right">0</td>
                <td align="right">24.0</td>
                </tr>
                </tbody>
                </table>
                </div>
                """, html("""
                <div class="code-example" markdown="1">

                |    |   MEDV |
                |---:|-------:|
                |  0 |   24.0 |

                </div>
                """));
    }

    @Test
    void inlineHtmlAndEntitiesPassThrough() {
        assertEquals("<p>h<sub>θ</sub>(x) = x<sup>2</sup><br/>\u00a0\u00a0끝</p>\n", html("""
                h<sub>θ</sub>(x) = x<sup>2</sup><br/>
                &nbsp;&nbsp;끝
                """).replace("<br/>\n", "<br/>"));
    }

    // ---- math ----

    @Test
    void inlineMathKeepsUnderscoresAndBackslashes() {
        assertEquals("<p>중요도: <span class=\"math math-inline\">ni = \\dfrac{n_{left}}{m}GI_{left} * 2</span></p>\n",
                html("중요도: $ ni = \\dfrac{n_{left}}{m}GI_{left} * 2 $\n"));
    }

    @Test
    void inlineMathEscapesHtmlCharacters() {
        assertEquals("<p><span class=\"math math-inline\">a &lt; b \\, c</span></p>\n", html("$a < b \\, c$\n"));
    }

    @Test
    void displayMathOnItsOwnBecomesDiv() {
        assertEquals("<div class=\"math math-display\">w \\leftarrow w - \\eta \\frac{\\partial L}{\\partial w}</div>\n",
                html("$$ w \\leftarrow w - \\eta \\frac{\\partial L}{\\partial w} $$\n"));
    }

    @Test
    void displayMathMaySpanLines() {
        assertEquals("<div class=\"math math-display\">a_1 +\nb_2</div>\n", html("$$\na_1 +\nb_2\n$$\n"));
    }

    @Test
    void dollarAmountsAreNotMath() {
        assertEquals("<p>가격은 $5 이고 $10 입니다</p>\n", html("가격은 $5 이고 $10 입니다\n"));
    }

    @Test
    void dollarInsideCodeIsNotMath() {
        assertEquals("<p><code>$x$</code></p>\n", html("`$x$`\n"));
    }

    // ---- tables, code, images ----

    @Test
    void gfmTableRendersWithAlignment() {
        assertEquals("""
                <table>
                <thead>
                <tr>
                <th align="left">용어</th>
                <th>뜻</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td align="left">에포크</td>
                <td>한 바퀴</td>
                </tr>
                </tbody>
                </table>
                """, html("""
                | 용어 | 뜻 |
                |:-----|----|
                | 에포크 | 한 바퀴 |
                """));
    }

    @Test
    void fencedCodeKeepsLanguageClassForPrism() {
        assertEquals("<pre><code class=\"language-python\"># 한글 주석\nprint(&quot;안녕&quot;)\n</code></pre>\n", html("""
                ```python
                # 한글 주석
                print("안녕")
                ```
                """));
    }

    @Test
    void missingImageShowsAltTextPlaceholder() {
        String html = markdown.render("![결정 트리](../img/tree.png){: width=\"500\"}\n", src -> Optional.empty()).html();
        assertEquals("<p><span class=\"image-missing\" role=\"img\" aria-label=\"결정 트리\">결정 트리</span></p>\n", html);
    }

    @Test
    void resolvedImageUsesResolverUrl() {
        String html = markdown.render("![나무](img/tree.png)\n", src -> Optional.of("/lesson/" + src)).html();
        assertEquals("<p><img src=\"/lesson/img/tree.png\" alt=\"나무\" /></p>\n", html);
    }

    // ---- playground widgets (the ```playground block: README "Writing lessons") ----

    @Test
    void playgroundBlockBecomesWidgetDiv() {
        RenderedLesson lesson = markdown.render("""
                ```playground title="노트의 보스턴 모델" hide="seed,shuffle" lock="dataset"
                {"dataset": {"name": "boston"}}
                ```
                """);
        assertEquals("""
                <div class="pg-widget" data-config="{&quot;dataset&quot;: {&quot;name&quot;: &quot;boston&quot;}}" \
                data-title="노트의 보스턴 모델" data-hide="seed,shuffle" data-lock="dataset" data-view="loss">
                <pre class="pg-widget-fallback"><code class="language-json">{&quot;dataset&quot;: \
                {&quot;name&quot;: &quot;boston&quot;}}</code></pre></div>
                """, lesson.html());
        assertTrue(lesson.hasWidget());
        assertEquals(List.of(), lesson.problems());
    }

    @Test
    void playgroundBlockWithViewBoundaryKeepsView() {
        assertEquals("""
                <div class="pg-widget" data-config="{}" data-view="boundary">
                <pre class="pg-widget-fallback"><code class="language-json">{}</code></pre></div>
                """, html("""
                ```playground view="boundary"
                {}
                ```
                """));
    }

    @Test
    void invalidPlaygroundBlockShowsErrorBoxAndReportsProblem() {
        RenderedLesson lesson = markdown.render("""
                ```playground
                { "epochs": 5,
                ```
                """);
        assertTrue(lesson.html().startsWith(
                "<div class=\"pg-widget-error\" role=\"alert\"><strong>위젯 오류</strong> 설정이 올바른 JSON이 아닙니다"),
                lesson.html());
        assertFalse(lesson.hasWidget());
        assertEquals(1, lesson.problems().size());
    }

    @Test
    void injectedValidatorDecidesWhatIsValid() {
        LessonMarkdown strict = new LessonMarkdown(json -> Optional.of("model.layers[0].units: 1 이상이어야 합니다"));
        RenderedLesson lesson = strict.render("```playground\n{}\n```\n");
        assertEquals("<div class=\"pg-widget-error\" role=\"alert\"><strong>위젯 오류</strong> "
                + "model.layers[0].units: 1 이상이어야 합니다</div>\n", lesson.html());
        assertEquals(List.of("model.layers[0].units: 1 이상이어야 합니다"), lesson.problems());
    }

    @Test
    void compareOptionBecomesDataCompareWithoutSpaces() {
        List<String> checked = new java.util.ArrayList<>();
        LessonMarkdown recording = new LessonMarkdown(json -> {
            checked.add(json);
            return Optional.empty();
        });
        RenderedLesson lesson = recording.render("""
                ```playground title="배치 크기" compare="batch_size=323, 1, 16"
                {"fit": {"batch_size": 32}}
                ```
                """);
        assertEquals("""
                <div class="pg-widget" data-config="{&quot;fit&quot;: {&quot;batch_size&quot;: 32}}" \
                data-title="배치 크기" data-view="loss" data-compare="batch_size=323,1,16">
                <pre class="pg-widget-fallback"><code class="language-json">{&quot;fit&quot;: \
                {&quot;batch_size&quot;: 32}}</code></pre></div>
                """, lesson.html());
        assertEquals(List.of("{\"fit\": {\"batch_size\": 32}}", "{\"fit\":{\"batch_size\":323}}",
                "{\"fit\":{\"batch_size\":1}}", "{\"fit\":{\"batch_size\":16}}"), checked,
                "the document, then each variant, goes to the validator");
        assertEquals(List.of(), lesson.problems());
    }

    @Test
    void compareValuesAreTypedLikeTheControls() {
        List<String> checked = new java.util.ArrayList<>();
        LessonMarkdown recording = new LessonMarkdown(json -> {
            checked.add(json);
            return Optional.empty();
        });
        recording.render("""
                ```playground compare="normalize=true,false"
                {"dataset": {"name": "spiral", "samples": 200}}
                ```

                ```playground compare="dataset=moons,circles"
                {"dataset": {"name": "spiral", "samples": 200}}
                ```
                """);
        assertEquals(List.of(
                "{\"dataset\": {\"name\": \"spiral\", \"samples\": 200}}",
                "{\"dataset\":{\"name\":\"spiral\",\"samples\":200},\"model\":{\"normalize\":true}}",
                "{\"dataset\":{\"name\":\"spiral\",\"samples\":200},\"model\":{\"normalize\":false}}",
                "{\"dataset\": {\"name\": \"spiral\", \"samples\": 200}}",
                "{\"dataset\":{\"name\":\"moons\",\"samples\":200}}",
                "{\"dataset\":{\"name\":\"circles\",\"samples\":200}}"), checked);
    }

    @Test
    void badCompareOptionsShowTheWidgetErrorBox() {
        LessonMarkdown noZeroBatch = new LessonMarkdown(json -> json.contains("\"batch_size\":0")
                ? Optional.of("fit.batch_size: 1 이상이어야 합니다 (받은 값: 0)") : Optional.empty());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("units=1,2", "compare: 비교할 수 없는 설정 이름 'units' (쓸 수 있는 것: batch_size, dataset, epochs, "
                + "learning_rate, loss, normalize, optimizer, seed, shuffle, validation_split)");
        cases.put("batch_size=", "compare에는 값이 1개 이상 4개 이하여야 합니다 (받은 값: 0개)");
        cases.put("batch_size=1,2,4,8,16", "compare에는 값이 1개 이상 4개 이하여야 합니다 (받은 값: 5개)");
        cases.put("batch_size", "compare는 이름=값1,값2 꼴이어야 합니다 (예: compare=\"batch_size=323,1,16\", 받은 값: batch_size)");
        cases.put("batch_size=16,0", "compare batch_size=0: fit.batch_size: 1 이상이어야 합니다 (받은 값: 0)");
        cases.put("batch_size=16,16", "compare에 같은 값이 두 번 있습니다: batch_size=16,16");
        cases.forEach((option, message) -> {
            RenderedLesson lesson = noZeroBatch.render("```playground compare=\"" + option + "\"\n{\"fit\": {}}\n```\n");
            assertEquals("<div class=\"pg-widget-error\" role=\"alert\"><strong>위젯 오류</strong> "
                    + Escape.html(message) + "</div>\n", lesson.html(), option);
            assertEquals(List.of(message), lesson.problems(), option);
            assertFalse(lesson.hasWidget(), option);
        });
    }

    @Test
    void plainTextHasWordsWithoutMarkupOrCode() {
        RenderedLesson lesson = markdown.render("""
                ## 경사하강법
                **기울기**를 따라 내려갑니다.

                ```python
                secret_code()
                ```
                """);
        assertEquals("경사하강법\n기울기를 따라 내려갑니다.", lesson.plainText());
    }
}
