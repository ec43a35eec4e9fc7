package playground.markdown;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import playground.markdown.internal.AttributeListProvider;
import playground.markdown.internal.CustomNodeRenderer;
import playground.markdown.internal.MathInlineParser;

/**
 * The notes' kramdown dialect on top of CommonMark: registers the {@code $…$} math parser, the renderer for the
 * dialect's nodes and the attribute-list provider. The tree rewrites themselves run in {@link LessonMarkdown}.
 */
final class DialectExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    @Override
    public void extend(Parser.Builder builder) {
        builder.customInlineContentParserFactory(new MathInlineParser.Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(CustomNodeRenderer::new);
        builder.attributeProviderFactory(context -> new AttributeListProvider());
    }
}
