package playground.markdown;

/**
 * A part of a lesson for search: the text from one heading to the next.
 *
 * @param id      the heading's anchor, or null for the text before the first heading
 * @param heading the heading's text, or null
 * @param text    what a search looks in: prose, tables, code, math as TeX
 */
public record SearchSection(String id, String heading, String text) {}
