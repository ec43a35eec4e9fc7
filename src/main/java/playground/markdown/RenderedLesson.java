package playground.markdown;

import java.util.List;

/**
 * The result of rendering one lesson's Markdown body.
 *
 * @param html      trusted HTML for the page's article
 * @param toc       the headings for the table of contents (not {@code .no_toc} ones), in document order
 * @param plainText the readable text, for search
 * @param hasWidget whether the lesson embeds a playground widget
 * @param hasCodeRun whether a Python block got a "▶ 이 코드 실행" button or a note on why it cannot run
 * @param hasActivations whether the lesson embeds an activation-function explorer
 * @param problems  messages for the author (bad widget or explorer blocks, …); each is also worth a WARN log
 * @param sections  the text by heading, for search
 */
public record RenderedLesson(String html, List<TocEntry> toc, String plainText, boolean hasWidget,
                             boolean hasCodeRun, boolean hasActivations, List<String> problems,
                             List<SearchSection> sections) {
    public RenderedLesson {
        sections = List.copyOf(sections);
        toc = List.copyOf(toc);
        problems = List.copyOf(problems);
    }
}
