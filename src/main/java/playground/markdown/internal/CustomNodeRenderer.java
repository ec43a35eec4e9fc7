package playground.markdown.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;
import playground.markdown.TocEntry;

/**
 * HTML for the dialect's own nodes: math, table of contents, widgets, activation explorers, missing images,
 * attribute lists.
 */
public final class CustomNodeRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    public CustomNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(MathNode.class, MathBlock.class, TocBlock.class, WidgetBlock.class, ActivationsBlock.class,
                MissingImage.class, AttributeList.class, CodeRunBlock.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof MathNode math) {
            // <span class="math math-inline">x_1</span>: site.js hands the text to KaTeX.
            html.raw("<span class=\"math " + (math.display() ? "math-display" : "math-inline") + "\">");
            html.text(math.tex());
            html.raw("</span>");
        } else if (node instanceof MathBlock math) {
            html.line();
            html.raw("<div class=\"math math-display\">");
            html.text(math.tex());
            html.raw("</div>");
            html.line();
        } else if (node instanceof TocBlock toc) {
            renderToc(toc);
        } else if (node instanceof WidgetBlock widget) {
            renderWidget(widget);
        } else if (node instanceof CodeRunBlock code) {
            renderCodeRun(code);
        } else if (node instanceof ActivationsBlock explorer) {
            renderActivations(explorer);
        } else if (node instanceof MissingImage image) {
            html.raw("<span class=\"image-missing\" role=\"img\" aria-label=\"" + Escape.html(image.alt()) + "\">");
            html.text(image.alt());
            html.raw("</span>");
        }
        // AttributeList: nothing to write; AttributeListProvider puts it into the parent's tag.
    }

    /** Nested lists like kramdown's {@code <ol id="markdown-toc">}; deeper levels are {@code <ul>}. */
    private void renderToc(TocBlock toc) {
        html.line();
        if (toc.entries().isEmpty()) {
            return;
        }
        String outer = toc.ordered() ? "ol" : "ul";
        html.raw("<" + outer + " id=\"markdown-toc\" class=\"toc\">\n");
        Deque<Integer> levels = new ArrayDeque<>();
        for (TocEntry entry : toc.entries()) {
            int level = entry.level();
            if (levels.isEmpty()) {
                levels.push(level);
                html.raw("<li>");
            } else {
                while (levels.size() > 1 && level < levels.peek()) {
                    html.raw("</li>\n</ul>\n");
                    levels.pop();
                }
                if (level > levels.peek()) {
                    html.raw("\n<ul>\n<li>");
                    levels.push(level);
                } else {
                    html.raw("</li>\n<li>");
                }
            }
            html.raw("<a href=\"#" + Escape.html(entry.id()) + "\">");
            html.text(entry.text());
            html.raw("</a>");
        }
        while (levels.size() > 1) {
            html.raw("</li>\n</ul>\n");
            levels.pop();
        }
        html.raw("</li>\n</" + outer + ">");
        html.line();
    }

    /**
     * A runnable block: {@code <div class="pg-code pg-code-runnable" data-run-config="{json}">} + the code + the
     * "▶ 이 코드 실행" button (web/js/code-run.js opens a widget with the document). A refused one:
     * {@code <div class="pg-code pg-code-refused" title="why">} + the code + a short note.
     */
    private void renderCodeRun(CodeRunBlock code) {
        html.line();
        if (code.runDocument() != null) {
            html.raw("<div class=\"pg-code pg-code-runnable\" data-run-config=\"" + Escape.html(code.runDocument())
                    + "\">");
        } else {
            html.raw("<div class=\"pg-code pg-code-refused\" title=\"" + Escape.html(code.refusal()) + "\">");
        }
        html.line();
        context.render(code.getFirstChild());
        if (code.runDocument() != null) {
            html.raw("<button type=\"button\" class=\"pg-code-run\"><span aria-hidden=\"true\">▶ </span>"
                    + "이 코드 실행</button>");
        } else {
            html.raw("<p class=\"pg-code-note\" tabindex=\"0\">그대로는 실행할 수 없는 코드"
                    + " <span class=\"pg-code-why\">(마우스를 올리거나 누르면 이유가 보입니다)</span>"
                    + "<span class=\"visually-hidden\">: ");
            html.text(code.refusal());
            html.raw("</span></p>");
        }
        html.raw("</div>");
        html.line();
    }

    /** The widget element web/js/widget.js mounts on: data-config (the run document), data-title, the fallback. */
    private void renderWidget(WidgetBlock widget) {
        html.line();
        if (widget.problem() != null) {
            html.raw("<div class=\"pg-widget-error\" role=\"alert\"><strong>위젯 오류</strong> ");
            html.text(widget.problem());
            html.raw("</div>");
            html.line();
            return;
        }
        Map<String, String> options = widget.options();
        StringBuilder tag = new StringBuilder("<div class=\"pg-widget\" data-config=\"")
                .append(Escape.html(widget.json())).append('"');
        for (String key : List.of("title", "hide", "lock")) {
            if (options.containsKey(key)) {
                tag.append(" data-").append(key).append("=\"").append(Escape.html(options.get(key))).append('"');
            }
        }
        tag.append(" data-view=\"").append(Escape.html(options.getOrDefault("view", "loss"))).append('"');
        if (options.containsKey("compare")) {
            tag.append(" data-compare=\"").append(Escape.html(options.get("compare"))).append('"');
        }
        tag.append(">\n");
        html.raw(tag.toString());
        html.raw("<pre class=\"pg-widget-fallback\"><code class=\"language-json\">");
        html.text(widget.json());
        html.raw("</code></pre></div>");
        html.line();
    }

    /** The div web/js/activations.js mounts on; the formulas stand in for it without JavaScript. */
    private void renderActivations(ActivationsBlock explorer) {
        html.line();
        if (explorer.problem() != null) {
            html.raw("<div class=\"pg-widget-error\" role=\"alert\"><strong>활성화 함수 탐색기 오류</strong> ");
            html.text(explorer.problem());
            html.raw("</div>");
            html.line();
            return;
        }
        html.raw("<div class=\"pg-activations\" data-functions=\""
                + Escape.html(String.join(",", explorer.functions())) + "\">\n");
        html.raw("<pre class=\"pg-activations-fallback\">");
        html.text(String.join("\n", explorer.functions().stream().map(Activations.FORMULAS::get).toList()));
        html.raw("</pre></div>");
        html.line();
    }
}
