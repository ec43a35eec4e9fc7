package playground.markdown.internal;

import java.util.Set;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * {@code $ \dfrac{n}{m} $} and {@code $$ x_1 * x_2 $$}: everything up to the matching dollars is TeX, so
 * Markdown never sees its underscores, stars or backslashes. A single {@code $} must close on the same line
 * and not right before a digit ({@code $5 and $10} stays text).
 */
public final class MathInlineParser implements InlineContentParser {
    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        int opening = scanner.matchMultiple('$');
        if (opening > 2) {
            return ParsedInline.none();
        }
        Position contentStart = scanner.position();
        while (scanner.find('$') >= 0) {
            Position contentEnd = scanner.position();
            int closing = scanner.matchMultiple('$');
            if (closing != opening) {
                continue;
            }
            String tex = scanner.getSource(contentStart, contentEnd).getContent();
            if (tex.isBlank()) {
                return ParsedInline.none();
            }
            if (opening == 1 && (tex.contains("\n") || Character.isDigit(scanner.peek()))) {
                return ParsedInline.none();
            }
            return ParsedInline.of(new MathNode(tex.strip(), opening == 2), scanner.position());
        }
        return ParsedInline.none();
    }

    public static final class Factory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('$');
        }

        @Override
        public InlineContentParser create() {
            return new MathInlineParser();
        }
    }
}
