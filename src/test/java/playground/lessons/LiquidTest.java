package playground.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Liquid the notes use, in and out; the rest shown as written and reported with its line. */
class LiquidTest {
    private static final Liquid.Context CONTEXT = new Liquid.Context(
            new SiteConfig("노트", "설명", "/notes", List.of(), List.of(), null, List.of(), List.of(), true, false),
            "첫 강의", path -> Optional.ofNullable(Map.of("docs/a.md", "/docs/a").get(path)),
            name -> Optional.ofNullable(Map.of("box.html", "<div>{{ site.title }}</div>").get(name)));

    private static Liquid.Result render(String body) {
        return Liquid.render(body, 5, CONTEXT);
    }

    @Test
    void siteValuesLinkAndRelativeUrl() {
        assertEquals("![a](/assets/x.png) [b](/docs/a) 노트 · 첫 강의 /assets/y.png",
                render("![a]({{ site.baseurl }}/assets/x.png) [b]({% link docs/a.md %}) {{ site.title }} · "
                        + "{{ page.title }} {{ '/assets/y.png' | relative_url }}").text());
    }

    @Test
    void includeIsRenderedItself() {
        assertEquals("<div>노트</div>\n", render("{% include box.html %}\n").text());
    }

    @Test
    void rawKeepsItsTagsAndCommentDisappears() {
        assertEquals("{{ not liquid }}\nshown", render("{% raw %}{{ not liquid }}{% endraw %}\n{% comment %}x{% endcomment %}shown")
                .text());
    }

    @Test
    void highlightBecomesAFencedBlock() {
        assertEquals("```python\nprint(1)\n```", render("{% highlight python %}\nprint(1)\n{% endhighlight %}").text());
    }

    @Test
    void unsupportedTagsAreMarkedOutsideCodeAndReportedWithTheirLine() {
        Liquid.Result result = render("첫 줄\n{% if x %}예{% endif %}\n```\n{{ page.date }}\n```\n");
        assertEquals("첫 줄\n<code class=\"liquid-unsupported\" title=\"이 사이트에서 지원하지 않는 Liquid 태그\">{% if x %}</code>"
                + "예<code class=\"liquid-unsupported\" title=\"이 사이트에서 지원하지 않는 Liquid 태그\">{% endif %}</code>\n"
                + "```\n{{ page.date }}\n```\n", result.text());
        assertEquals(List.of(new Liquid.Problem(6, "Liquid tag not supported: {% if x %}"),
                new Liquid.Problem(6, "Liquid tag not supported: {% endif %}"),
                new Liquid.Problem(8, "Liquid value not supported: {{ page.date }}")), result.problems());
    }

    @Test
    void aLinkToNoPageIsReported() {
        assertEquals(List.of(new Liquid.Problem(5, "{% link docs/b.md %}: no such page")),
                render("{% link docs/b.md %}").problems());
    }
}
