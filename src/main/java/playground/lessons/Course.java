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
    private final Map<String, Lesson> byUrl = new LinkedHashMap<>();
    private final List<NavNode> navigation;
    private final List<Lesson> reading;
    private final Map<String, Lesson> byTitle = new LinkedHashMap<>();
    private final List<String> images;

    Course(ContentFolder folder, List<Lesson> lessons, List<NavNode> navigation) {
        this.folder = folder;
        lessons.forEach(l -> byUrl.putIfAbsent(l.url(), l));
        lessons.forEach(l -> byTitle.putIfAbsent(l.title(), l));
        this.navigation = List.copyOf(navigation);
        List<Lesson> order = new ArrayList<>();
        flatten(this.navigation, order);
        this.reading = List.copyOf(order);
        this.images = folder.files(ContentFolder::isImage).stream().map(p -> "/" + p).toList();
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

    /**
     * Lessons whose title or text contains {@code query} (case-insensitive; Hangul matches as written),
     * title matches first, then by number of matches.
     */
    public List<SearchHit> search(String query, int limit) {
        String needle = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        for (Lesson lesson : byUrl.values()) {
            String text = lesson.content().plainText().replaceAll("\\s+", " ");
            String lower = text.toLowerCase(Locale.ROOT);
            boolean inTitle = lesson.title().toLowerCase(Locale.ROOT).contains(needle);
            int count = 0;
            int first = -1;
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length())) {
                if (first < 0) {
                    first = at;
                }
                count++;
            }
            if (count == 0 && !inTitle) {
                continue;
            }
            if (first < 0) {
                String start = text.substring(0, Math.min(text.length(), 120));
                hits.add(new SearchHit(lesson, start, "", "", inTitle ? 1 : 0));
                continue;
            }
            int from = Math.max(0, first - 50);
            int to = Math.min(text.length(), first + needle.length() + 70);
            hits.add(new SearchHit(lesson, (from > 0 ? "…" : "") + text.substring(from, first),
                    text.substring(first, first + needle.length()),
                    text.substring(first + needle.length(), to) + (to < text.length() ? "…" : ""),
                    count + (inTitle ? 1000 : 0)));
        }
        hits.sort(Comparator.comparingInt(SearchHit::count).reversed());
        return hits.stream().limit(limit)
                .map(h -> new SearchHit(h.lesson(), h.before(), h.match(), h.after(), h.count() % 1000))
                .toList();
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
        return folder.image(folder.root().resolve(relative));
    }
}
