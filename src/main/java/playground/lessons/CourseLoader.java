package playground.lessons;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.markdown.ImageResolver;
import playground.markdown.LessonMarkdown;
import playground.markdown.RenderedLesson;
import playground.markdown.TocEntry;

/**
 * Reads every {@code *.md} under a content folder into a {@link Course}. Nothing a teacher writes stops the
 * course from loading: broken front matter, an unknown {@code parent} or a bad widget block is logged as a
 * WARN naming the file, and the lesson is shown with what could be read.
 */
public final class CourseLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CourseLoader.class);

    private CourseLoader() {}

    public static Course load(Path contentDir, LessonMarkdown markdown) {
        if (!Files.isDirectory(contentDir)) {
            throw new IllegalArgumentException("content folder must be a directory: " + contentDir.toAbsolutePath());
        }
        ContentFolder folder = new ContentFolder(contentDir);
        Path root = folder.root();
        List<String> sources = folder.files(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"));
        List<Lesson> lessons = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (String source : sources) {
            readLesson(folder, root.resolve(source), source, markdown).ifPresent(lesson -> {
                if (urls.add(lesson.url())) {
                    lessons.add(lesson);
                } else {
                    LOG.warn("lesson {}: its URL {} is already used by another lesson; it is not shown",
                            source, lesson.url());
                }
            });
        }
        Course course = new Course(folder, lessons, navigation(lessons));
        LOG.info("course loaded from {}: {} lessons", root, lessons.size());
        return course;
    }

    private static Optional<Lesson> readLesson(ContentFolder folder, Path file, String source,
                                               LessonMarkdown markdown) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            LOG.warn("lesson {}: not UTF-8 text; skipped", source);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("lesson {}: cannot be read ({}); skipped", source, e.getMessage());
            return Optional.empty();
        }
        FrontMatter.Split split = FrontMatter.split(text);
        split.problems().forEach(p -> LOG.warn("lesson {}: {}", source, p));
        FrontMatter fm = split.frontMatter();
        Path dir = file.getParent();
        RenderedLesson content;
        try {
            content = markdown.render(split.body(), images(folder, dir));
        } catch (RuntimeException e) {
            LOG.warn("lesson {}: could not be rendered ({}); skipped", source, e.toString());
            return Optional.empty();
        }
        content.problems().forEach(p -> LOG.warn("lesson {}: fenced block: {}", source, p));
        String url = url(source, fm.permalink());
        String title = fm.title() != null && !fm.title().isBlank() ? fm.title() : firstHeading(content)
                .orElse(fileTitle(source));
        return Optional.of(new Lesson(source, url, title, blankToNull(fm.parent()), fm.navOrder(), fm.navExclude(),
                content));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Optional<String> firstHeading(RenderedLesson content) {
        return content.toc().stream().findFirst().map(TocEntry::text);
    }

    private static String fileTitle(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - 3);
    }

    /**
     * {@code ml-basics/01-linear-regression.md} → {@code /ml-basics/01-linear-regression};
     * {@code index.md} → {@code /}, {@code ml-basics/index.md} → {@code /ml-basics/}; a {@code permalink} wins.
     */
    static String url(String source, String permalink) {
        if (permalink != null && !permalink.isBlank() && !permalink.contains("..") && !permalink.contains("\\")) {
            String p = permalink.strip();
            return p.startsWith("/") ? p : "/" + p;
        }
        String path = source.substring(0, source.length() - 3);
        if (path.equals("index") || path.equals("README")) {
            return "/";
        }
        if (path.endsWith("/index")) {
            return "/" + path.substring(0, path.length() - "index".length());
        }
        return "/" + path;
    }

    /** Images are resolved against the lesson's folder and served only when they exist inside the content folder. */
    private static ImageResolver images(ContentFolder folder, Path lessonDir) {
        return src -> {
            String s = src.strip();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            if (s.matches("(?i)^(https?:|data:|//).*")) {
                return Optional.of(s);
            }
            if (s.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                return Optional.empty();
            }
            String path = s.replaceAll("[?#].*$", "");
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path file = (path.startsWith("/") ? folder.root().resolve(path.substring(1)) : lessonDir.resolve(path))
                    .toAbsolutePath().normalize();
            return folder.image(file).map(f -> encodePath(folder.root().relativize(file)));
        };
    }

    private static String encodePath(Path relative) {
        StringBuilder url = new StringBuilder();
        for (Path part : relative) {
            url.append('/').append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    /** just-the-docs: pages without a parent at the top, children under the page whose title is their parent. */
    static List<NavNode> navigation(List<Lesson> lessons) {
        Map<String, Lesson> byTitle = new HashMap<>();
        lessons.forEach(l -> byTitle.putIfAbsent(l.title(), l));
        Map<Lesson, List<Lesson>> children = new HashMap<>();
        List<Lesson> top = new ArrayList<>();
        for (Lesson lesson : lessons) {
            if (lesson.isHome() || lesson.navExclude()) {
                continue;
            }
            Lesson parent = lesson.parent() == null ? null : byTitle.get(lesson.parent());
            if (lesson.parent() != null && (parent == null || parent == lesson)) {
                LOG.warn("lesson {}: parent '{}' is not the title of any lesson; shown at the top level",
                        lesson.source(), lesson.parent());
                parent = null;
            }
            if (parent == null || parent.isHome()) {
                top.add(lesson);
            } else {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(lesson);
            }
        }
        return nodes(top, children, new HashSet<>());
    }

    private static List<NavNode> nodes(List<Lesson> lessons, Map<Lesson, List<Lesson>> children, Set<Lesson> seen) {
        List<NavNode> out = new ArrayList<>();
        lessons.stream().sorted(Course.NAV_ORDER).forEach(lesson -> {
            if (seen.add(lesson)) {
                out.add(new NavNode(lesson, nodes(children.getOrDefault(lesson, List.of()), children, seen)));
            }
        });
        return out;
    }

}
