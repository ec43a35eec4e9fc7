package playground.lessons;

/**
 * A lesson that contains the query, with the words around the first match.
 *
 * @param before text before the match in the snippet
 * @param match  the matched text as written in the lesson
 * @param after  text after the match
 * @param count  how many times the query occurs in the lesson
 */
public record SearchHit(Lesson lesson, String before, String match, String after, int count) {}
