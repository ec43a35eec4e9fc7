package playground.lessons;

import playground.markdown.RenderedLesson;

/**
 * One page of the course.
 *
 * @param source   the file, relative to the content folder, with '/' separators
 * @param url      the page's path, e.g. {@code /ml-basics/01-linear-regression} or {@code /} for the home page
 * @param title    from the front matter, else the first heading, else the file name
 * @param parent   the parent's title, or null for a top-level page
 * @param navOrder position among its siblings (pages without one come last, by title)
 * @param content  the rendered body
 */
public record Lesson(String source, String url, String title, String parent, Double navOrder, boolean navExclude,
                     RenderedLesson content) {

    public boolean isHome() {
        return url.equals("/");
    }
}
