package playground.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import playground.markdown.internal.Activations;
import playground.markdown.internal.AttributeLists;
import playground.markdown.internal.CodeRuns;
import playground.markdown.internal.HeadingIds;
import playground.markdown.internal.HtmlBlocks;
import playground.markdown.internal.Images;
import playground.markdown.internal.Links;
import playground.markdown.internal.MathBlocks;
import playground.markdown.internal.PlainText;
import playground.markdown.internal.SearchSections;
import playground.markdown.internal.SourceNormalizer;
import playground.markdown.internal.TableOfContents;
import playground.markdown.internal.TocBlock;
import playground.markdown.internal.Widgets;

/**
 * Renders a lesson body (front matter already removed) written for Jekyll's just-the-docs theme: CommonMark +
 * GFM tables + kramdown attribute lists and footnotes ({@code [^1]}), {@code {:toc}}, Markdown inside HTML, {@code $…$} math and
 * {@code ```playground} widgets and {@code ```activations} explorers. Phases: normalize the source, parse, rewrite the tree, render.
 * <p>Thread-safe: one instance is shared by every request.
 */
public final class LessonMarkdown {
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final WidgetValidator widgetValidator;
    private final RunnableCode runnableCode;

    public LessonMarkdown(WidgetValidator widgetValidator) {
        this(widgetValidator, RunnableCode.none());
    }

    /** @param runnableCode decides which {@code ```python} blocks get a "▶ 이 코드 실행" button */
    public LessonMarkdown(WidgetValidator widgetValidator, RunnableCode runnableCode) {
        if (widgetValidator == null) {
            throw new IllegalArgumentException("widgetValidator must not be null");
        }
        if (runnableCode == null) {
            throw new IllegalArgumentException("runnableCode must not be null");
        }
        this.runnableCode = runnableCode;
        List<Extension> extensions = List.of(TablesExtension.create(), FootnotesExtension.create(),
                new DialectExtension());
        this.parser = Parser.builder().extensions(extensions).includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).build();
        this.widgetValidator = widgetValidator;
    }

    /** A renderer whose widget blocks need only be well-formed JSON objects. */
    public static LessonMarkdown withJsonWidgets() {
        return new LessonMarkdown(WidgetValidator.jsonSyntax());
    }

    public RenderedLesson render(String markdown) {
        return render(markdown, ImageResolver.unchanged());
    }

    public RenderedLesson render(String markdown, ImageResolver images) {
        return render(markdown, images, LinkResolver.unchanged());
    }

    public RenderedLesson render(String markdown, ImageResolver images, LinkResolver links) {
        Node document = parser.parse(SourceNormalizer.normalize(markdown));
        List<TocBlock> tocBlocks = TableOfContents.mark(document);
        AttributeLists.apply(document);
        HtmlBlocks.apply(document);
        MathBlocks.apply(document);
        List<TocEntry> toc = HeadingIds.apply(document);
        TableOfContents.fill(tocBlocks, toc);
        Widgets.Result widgets = Widgets.apply(document, widgetValidator);
        int codeRuns = CodeRuns.apply(document, runnableCode);
        Activations.Result explorers = Activations.apply(document);
        Images.apply(document, images);
        Links.apply(document, links);
        List<String> problems = new ArrayList<>(widgets.problems());
        problems.addAll(explorers.problems());
        return new RenderedLesson(renderer.render(document), toc, PlainText.of(document).strip(),
                widgets.valid() > 0, codeRuns > 0, explorers.count() > 0, problems, SearchSections.of(document));
    }
}
