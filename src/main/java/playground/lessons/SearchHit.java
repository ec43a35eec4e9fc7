package playground.lessons;

/**
 * A lesson that holds the query, with the words around the best match.
 *
 * @param section the heading of the section matched, or null
 * @param anchor  that heading's id, or null
 * @param before  text before the match in the snippet
 * @param match   the matched text as written in the lesson (empty when only the title matched)
 * @param after   text after the match
 */
public record SearchHit(Lesson lesson, String section, String anchor, String before, String match, String after) {
    /** The lesson's URL, at the matched section. */
    public String url() {
        return anchor == null ? lesson.url() : lesson.url() + "#" + anchor;
    }
}
