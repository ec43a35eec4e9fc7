package playground.lessons;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import playground.markdown.ImageResolver;
import playground.markdown.LinkResolver;
import playground.markdown.LessonMarkdown;
import playground.markdown.RenderedLesson;
import playground.markdown.TocEntry;

/**
 * Reads every {@code *.md} under a content folder into a {@link Course}, as Jekyll would build it: the keys of
 * {@code _config.yml} that apply ({@link SiteConfig}), Jekyll's excludes, the Liquid tags notes use, links and
 * images resolved against the file and against the page's Jekyll URL. Nothing a teacher writes stops the course
 * from loading: what cannot be followed is listed once in the log, with file and line, and the lesson is shown
 * with what could be read.
 */
public final class CourseLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CourseLoader.class);
    /** Paths the server's own routes answer; a lesson there would hide them. */
    private static final List<String> RESERVED = List.of("/api/", "/assets/", "/webjars/", "/search", "/search.json");
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");

    private CourseLoader() {}

    public static Course load(Path contentDir, LessonMarkdown markdown) {
        return load(contentDir, markdown, null);
    }

    /**
     * @param previous the course served until now, or null: a lesson whose file is now broken (half-typed front
     *                 matter, not UTF-8, failing to render) keeps its version from there, and only problems that
     *                 are new since then are logged
     */
    public static Course load(Path contentDir, LessonMarkdown markdown, Course previous) {
        if (!Files.isDirectory(contentDir)) {
            throw new IllegalArgumentException("content folder must be a directory: " + contentDir.toAbsolutePath());
        }
        ContentFolder folder = new ContentFolder(contentDir);
        List<CourseProblem> problems = new ArrayList<>();
        SiteConfig config = config(folder, problems);
        List<String> sources = withoutShadowedReadmes(
                folder.files(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"), config::excludes));
        List<String> images = folder.files(ContentFolder::isImage, config::excludes).stream().map(p -> "/" + p)
                .toList();
        List<Source> read = new ArrayList<>();
        for (String source : sources) {
            read(folder, source, problems).ifPresent(read::add);
        }
        Addresses addresses = new Addresses(folder, config, read, Set.copyOf(images));
        List<Lesson> lessons = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        for (Source source : read) {
            Optional<Lesson> lesson = source.broken() == null ? Optional.empty() : lastGood(previous, source);
            if (lesson.isEmpty() && source.text() != null) {
                lesson = render(source, addresses, markdown, problems);
            }
            if (source.broken() != null || lesson.isEmpty()) {
                problems.add(new CourseProblem(source.path(), source.broken() != null ? 1 : 0,
                        (source.broken() != null ? source.broken() : "it cannot be rendered") + (lesson.isEmpty()
                                ? "; skipped" : kept(previous, lesson.get()))));
            }
            lesson.ifPresent(l -> {
                if (RESERVED.stream().anyMatch(r -> l.url().startsWith(r) || l.url().equals(r.replaceAll("/$", "")))) {
                    problems.add(new CourseProblem(l.source(), 1, "URL " + l.url() + " is the server's own; not shown"));
                } else if (urls.add(l.url())) {
                    lessons.add(l);
                } else {
                    problems.add(new CourseProblem(l.source(), 1, "URL " + l.url()
                            + " is already used by another lesson; not shown"));
                }
            });
        }
        List<NavNode> navigation = navigation(lessons, problems);
        Course course = new Course(folder, config, lessons, navigation, images, problems);
        log(course, previous);
        return course;
    }

    /**
     * One lesson file, read and split, not yet rendered: {@code text} is null when it cannot be read as text;
     * {@code broken} says why it cannot be shown as written, or is null.
     */
    private record Source(String path, String text, FrontMatter.Split split, String broken) {
        String url() {
            return CourseLoader.url(path, split.frontMatter().permalink());
        }
    }

    private static Optional<Source> read(ContentFolder folder, String source, List<CourseProblem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(folder.root().resolve(source)))).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(new Source(source, null, FrontMatter.split(""), "not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new CourseProblem(source, 0, "cannot be read (" + e.getMessage() + "); skipped"));
            return Optional.empty();
        }
        FrontMatter.Split split = FrontMatter.split(text);
        split.problems().forEach(p -> problems.add(new CourseProblem(source, 1, p)));
        return Optional.of(new Source(source, text, split, split.broken() ? "its front matter cannot be read" : null));
    }

    /** A broken file keeps the lesson served until now, if there was one. */
    private static Optional<Lesson> lastGood(Course previous, Source source) {
        return previous == null ? Optional.empty() : previous.bySource(source.path());
    }

    private static String kept(Course previous, Lesson lesson) {
        return previous != null && previous.bySource(lesson.source()).orElse(null) == lesson
                ? "; the last good version stays on the site" : "; shown with what could be read";
    }

    private static Optional<Lesson> render(Source source, Addresses addresses, LessonMarkdown markdown,
                                           List<CourseProblem> problems) {
        FrontMatter fm = source.split().frontMatter();
        Liquid.Result liquid = Liquid.render(source.split().body(), source.split().bodyLine(),
                new Liquid.Context(addresses.config, fm.title(), addresses::lessonUrl, addresses::include));
        liquid.problems().forEach(p -> problems.add(new CourseProblem(source.path(), p.line(), p.message())));
        List<CourseProblem> found = new ArrayList<>();
        RenderedLesson content;
        try {
            content = markdown.render(liquid.text(), addresses.images(source, found), addresses.links(source, found));
        } catch (RuntimeException e) {
            LOG.warn("lesson {}: could not be rendered", source.path(), e);
            return Optional.empty();
        }
        problems.addAll(found);
        content.problems().forEach(p -> problems.add(new CourseProblem(source.path(), 0, "fenced block: " + p)));
        String title = fm.title() != null && !fm.title().isBlank() ? fm.title() : firstHeading(content)
                .orElse(fileTitle(source.path()));
        return Optional.of(new Lesson(source.path(), source.url(), title, blankToNull(fm.parent()), fm.navOrder(),
                fm.navExclude(), content));
    }

    /** Each problem once: all of them at the first load, then only those new since the previous load. */
    private static void log(Course course, Course previous) {
        Set<CourseProblem> known = previous == null ? Set.of() : Set.copyOf(previous.problems());
        List<CourseProblem> fresh = course.problems().stream().filter(p -> !known.contains(p)).toList();
        LOG.info("course loaded from {}: {} lessons, {} images{}", course.root(), course.lessons().size(),
                course.images().size(), course.problems().isEmpty() ? "" : ", " + course.problems().size()
                        + " things it could not follow");
        if (!fresh.isEmpty()) {
            LOG.warn("the course could not follow:\n  {}", String.join("\n  ",
                    fresh.stream().map(CourseProblem::toString).toList()));
        }
    }

    private static SiteConfig config(ContentFolder folder, List<CourseProblem> problems) {
        Optional<Path> file = folder.inside(folder.root().resolve("_config.yml"));
        if (file.isEmpty()) {
            return SiteConfig.DEFAULT;
        }
        try {
            List<String> found = new ArrayList<>();
            SiteConfig config = SiteConfig.parse(Files.readString(file.get()), found);
            found.forEach(p -> problems.add(new CourseProblem("_config.yml", 0, p)));
            return config;
        } catch (IOException | UncheckedIOException e) {
            problems.add(new CourseProblem("_config.yml", 0, "cannot be read (" + e.getMessage() + "); defaults used"));
            return SiteConfig.DEFAULT;
        }
    }

    /** Jekyll themes' templates exclude a folder's README.md when an index.md is the page there. */
    private static List<String> withoutShadowedReadmes(List<String> sources) {
        Set<String> lower = new HashSet<>(sources.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        return sources.stream().filter(s -> {
            String name = s.substring(s.lastIndexOf('/') + 1);
            return !name.equalsIgnoreCase("README.md")
                    || !lower.contains((s.substring(0, s.length() - name.length()) + "index.md").toLowerCase(Locale.ROOT));
        }).toList();
    }

    /**
     * Where things are in the course being loaded: lesson URLs by file and by their old Jekyll URLs, the images,
     * {@code _includes/}. Images and links are tried against the lesson's file (as on GitHub) and against its
     * page's URL (as Jekyll serves it: {@code docs/a/b.md} at {@code /docs/a/b/} or {@code /docs/a/b.html}).
     */
    private static final class Addresses {
        private final ContentFolder folder;
        private final SiteConfig config;
        private final Set<String> images;
        private final Map<String, String> urlBySource = new HashMap<>();
        private final Map<String, String> urlByAddress = new HashMap<>();

        Addresses(ContentFolder folder, SiteConfig config, List<Source> sources, Set<String> images) {
            this.folder = folder;
            this.config = config;
            this.images = images;
            for (Source source : sources) {
                String url = source.url();
                urlBySource.put(source.path(), url);
                for (String address : List.of(url, jekyllUrl(source, true), jekyllUrl(source, false))) {
                    urlByAddress.putIfAbsent(address, url);
                    urlByAddress.putIfAbsent(address.endsWith("/") && address.length() > 1
                            ? address.substring(0, address.length() - 1) : address, url);
                }
            }
        }

        /** {@code {% link docs/a.md %}}: the path from the site's root. */
        Optional<String> lessonUrl(String sourcePath) {
            return Optional.ofNullable(urlBySource.get(sourcePath.replaceAll("^/+", "")));
        }

        Optional<String> include(String name) {
            return folder.inside(folder.root().resolve("_includes").resolve(name)).flatMap(file -> {
                try {
                    return Optional.of(Files.readString(file));
                } catch (IOException | UncheckedIOException e) {
                    return Optional.empty();
                }
            });
        }

        /** Images are served only when they exist inside the content folder and are not excluded. */
        ImageResolver images(Source source, List<CourseProblem> problems) {
            return src -> {
                String s = src.strip();
                if (s.matches("(?i)^(https?:|data:|//).*")) {
                    return Optional.of(s);
                }
                if (s.isEmpty() || SCHEME.matcher(s).matches()) {
                    return Optional.empty();
                }
                String path = decode(s.replaceAll("[?#].*$", ""));
                Optional<String> found = candidates(source, path).stream().filter(images::contains).findFirst()
                        .map(CourseLoader::encodePath);
                if (found.isEmpty()) {
                    problems.add(new CourseProblem(source.path(), lineOf(source, src), "image not found: " + src));
                }
                return found;
            };
        }

        /** {@code a.md}, {@code ../b.md#x}, {@code /docs/c.html}, {@code {{ site.baseurl }}/docs/d/}: the lesson's URL. */
        LinkResolver links(Source source, List<CourseProblem> problems) {
            return destination -> {
                String d = destination.strip();
                if (d.isEmpty() || d.startsWith("#") || d.startsWith("//") || SCHEME.matcher(d).matches()) {
                    return Optional.empty();
                }
                int cut = d.replaceAll("[?#].*$", "").length();
                String path = decode(d.substring(0, cut));
                String suffix = d.substring(cut);
                String lower = path.toLowerCase(Locale.ROOT);
                boolean lessonFile = lower.endsWith(".md");
                boolean jekyllPage = lower.endsWith(".html") || path.endsWith("/") || !lastSegment(path).contains(".");
                if (!lessonFile && !jekyllPage) {
                    return Optional.empty();
                }
                Optional<String> url = candidates(source, path).stream()
                        .map(c -> lessonFile ? urlBySource.get(c.substring(1)) : page(c))
                        .filter(u -> u != null).findFirst();
                if (url.isEmpty() && (lessonFile || lower.endsWith(".html"))) {
                    problems.add(new CourseProblem(source.path(), lineOf(source, destination),
                            "link to a page that does not exist: " + destination));
                }
                return url.map(u -> u + suffix);
            };
        }

        /** A lesson at an address Jekyll would have served it at ({@code /a/b.html}, {@code /a/b/}, {@code /a/index.html}). */
        private String page(String address) {
            String a = address.endsWith("/index.html") ? address.substring(0, address.length() - "index.html".length())
                    : address;
            return urlByAddress.getOrDefault(a, urlByAddress.get(a.replaceAll("\\.html$", "")));
        }

        /** Root-relative paths a written path may mean: as written from /, from the file, from the Jekyll URL. */
        private List<String> candidates(Source source, String path) {
            if (path.startsWith("/")) {
                String bare = !config.baseurl().isEmpty() && (path.equals(config.baseurl())
                        || path.startsWith(config.baseurl() + "/")) ? path.substring(config.baseurl().length()) : path;
                return List.of(bare.isEmpty() ? "/" : bare, path);
            }
            String fileDir = "/" + source.path().substring(0, source.path().lastIndexOf('/') + 1);
            return List.of(join(fileDir, path), join(directory(jekyllUrl(source, config.prettyPermalinks())), path),
                    join(directory(jekyllUrl(source, !config.prettyPermalinks())), path)).stream().distinct().toList();
        }

        private String jekyllUrl(Source source, boolean pretty) {
            String permalink = source.split().frontMatter().permalink();
            String url = source.url();
            if ((permalink != null && !permalink.isBlank()) || url.endsWith("/")) {
                return url;
            }
            return pretty ? url + "/" : url + ".html";
        }
    }

    /** The first line of the file where {@code written} appears, or 0. */
    private static int lineOf(Source source, String written) {
        int at = source.text().indexOf(written);
        return at < 0 ? 0 : (int) source.text().substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String directory(String url) {
        return url.substring(0, url.lastIndexOf('/') + 1);
    }

    /** {@code /docs/a/} + {@code ../../x.png} → {@code /x.png}: like a browser, {@code ..} stops at the root. */
    static String join(String directory, String relative) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : (directory + relative).split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments) + (relative.endsWith("/") && !segments.isEmpty() ? "/" : "");
    }

    private static String decode(String path) {
        return java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
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
        for (String page : List.of("/index", "/README")) {
            if (path.endsWith(page)) {
                return "/" + path.substring(0, path.length() - page.length() + 1);
            }
        }
        return "/" + path;
    }

    /** {@code /그림/a b.png} → {@code /%EA%B7%B8%EB%A6%BC/a%20b.png}. */
    private static String encodePath(String path) {
        StringBuilder url = new StringBuilder();
        for (String part : path.substring(1).split("/")) {
            url.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return url.toString();
    }

    /** just-the-docs: pages without a parent at the top, children under the page whose title is their parent. */
    static List<NavNode> navigation(List<Lesson> lessons, List<CourseProblem> problems) {
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
                problems.add(new CourseProblem(lesson.source(), 1, "parent '" + lesson.parent()
                        + "' is not the title of any lesson; shown at the top level"));
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
