package playground.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded course: its lessons, the navigation tree built from {@code parent} and {@code nav_order} as
 * just-the-docs does, and the images beside the lessons. Immutable; safe to share between threads.
 */
public final class Course {
    static final Comparator<Lesson> NAV_ORDER = Comparator
            .comparing((Lesson l) -> l.navOrder() == null ? Double.MAX_VALUE : l.navOrder())
            .thenComparing(Lesson::title);

    private final ContentFolder folder;
    private final SiteConfig config;
    private final List<CourseProblem> problems;
    private final Map<String, Lesson> byUrl = new LinkedHashMap<>();
    private final List<NavNode> navigation;
    private final List<Lesson> reading;
    private final Map<String, Lesson> byTitle = new LinkedHashMap<>();
    private final List<String> images;
    private final Search search;

    Course(ContentFolder folder, SiteConfig config, List<Lesson> lessons, List<NavNode> navigation,
           List<String> images, List<CourseProblem> problems) {
        this.folder = folder;
        this.config = config;
        this.problems = List.copyOf(problems);
        lessons.forEach(l -> byUrl.putIfAbsent(l.url(), l));
        lessons.forEach(l -> byTitle.putIfAbsent(l.title(), l));
        this.navigation = List.copyOf(navigation);
        List<Lesson> order = new ArrayList<>();
        flatten(this.navigation, order);
        this.reading = List.copyOf(order);
        this.images = List.copyOf(images);
        this.search = new Search(lessonsInReadingOrder());
    }

    /** Every lesson, those in the navigation first in reading order, so equal search hits keep the course's order. */
    private List<Lesson> lessonsInReadingOrder() {
        List<Lesson> all = new ArrayList<>(reading);
        byUrl.values().stream().filter(l -> !all.contains(l)).forEach(all::add);
        return all;
    }

    /** The content folder, absolute. */
    public Path root() {
        return folder.root();
    }

    /** The applied keys of the folder's {@code _config.yml} (defaults without one). */
    public SiteConfig config() {
        return config;
    }

    /** What the loader could not follow, in file order; each was logged once. */
    public List<CourseProblem> problems() {
        return problems;
    }

    /** The lesson read from {@code source} (a path under the content folder), if it is served. */
    public Optional<Lesson> bySource(String source) {
        return byUrl.values().stream().filter(l -> l.source().equals(source)).findFirst();
    }

    /** The URL paths (not encoded) of the images under the content folder, e.g. {@code /ml-basics/tree.png}. */
    public List<String> images() {
        return images;
    }

    private static void flatten(List<NavNode> nodes, List<Lesson> out) {
        for (NavNode node : nodes) {
            out.add(node.lesson());
            flatten(node.children(), out);
        }
    }

    public List<Lesson> lessons() {
        return List.copyOf(byUrl.values());
    }

    public Optional<Lesson> lesson(String url) {
        return Optional.ofNullable(byUrl.get(url));
    }

    /** The page at {@code /} ({@code index.md}), if the course has one. */
    public Optional<Lesson> home() {
        return lesson("/");
    }

    /** Top-level pages with their children, in {@code nav_order}; {@code nav_exclude} pages and the home left out. */
    public List<NavNode> navigation() {
        return navigation;
    }

    /** The lessons directly under {@code lesson} in the navigation, in {@code nav_order}. */
    public List<Lesson> children(Lesson lesson) {
        return find(navigation, lesson).map(n -> n.children().stream().map(NavNode::lesson).toList()).orElse(List.of());
    }

    private static Optional<NavNode> find(List<NavNode> nodes, Lesson lesson) {
        for (NavNode node : nodes) {
            if (node.lesson() == lesson) {
                return Optional.of(node);
            }
            Optional<NavNode> inside = find(node.children(), lesson);
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    /** The ancestors of {@code lesson}, outermost first (not including the lesson). */
    public List<Lesson> breadcrumbs(Lesson lesson) {
        List<Lesson> trail = new ArrayList<>();
        Lesson current = lesson;
        while (current.parent() != null && byTitle.containsKey(current.parent()) && trail.size() < 16) {
            current = byTitle.get(current.parent());
            if (current == lesson || trail.contains(current)) {
                break;
            }
            trail.add(0, current);
        }
        return trail;
    }

    /** The lesson before this one in reading order (the navigation, depth first). */
    public Optional<Lesson> previous(Lesson lesson) {
        int i = reading.indexOf(lesson);
        return i > 0 ? Optional.of(reading.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int i = reading.indexOf(lesson);
        return i >= 0 && i + 1 < reading.size() ? Optional.of(reading.get(i + 1)) : Optional.empty();
    }

    /** Lessons that hold {@code query}, best first: see {@link Search}. */
    public List<SearchHit> search(String query, int limit) {
        return search.search(query, limit);
    }

    /**
     * The lesson at a request path: its URL, with or without the closing {@code /}, or an address Jekyll gave it
     * ({@code /a/b.html}, {@code /a/index.html}).
     */
    public Optional<Lesson> page(String path) {
        String p = path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length())
                : path.endsWith(".html") ? path.substring(0, path.length() - ".html".length()) : path;
        return lesson(p).or(() -> p.endsWith("/") ? lesson(p.substring(0, p.length() - 1)) : lesson(p + "/"));
    }

    /**
     * The file for an image URL such as {@code /ml-basics/images/tree.png}, when it is an image inside the
     * content folder. {@code ..}, backslashes, hidden files and anything outside the folder give empty.
     */
    public Optional<Path> asset(String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/") || urlPath.contains("\\") || urlPath.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String relative = urlPath.substring(1);
        String lower = relative.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || !ContentFolder.IMAGE_EXTENSIONS.contains(lower.substring(dot + 1))) {
            return Optional.empty();
        }
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        if (!images.contains(urlPath)) {
            return Optional.empty(); // excluded by _config.yml or Jekyll's defaults
        }
        return folder.image(folder.root().resolve(relative));
    }
}
