package playground.lessons;

/**
 * Something in the teacher's folder the course could not follow: a missing image, an unsupported Liquid tag, a
 * link to no lesson, broken front matter. Logged once per load (and once more only when it is new after a reload).
 *
 * @param file the path under the content folder
 * @param line the line in that file, from 1, or 0 when not known
 */
public record CourseProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
