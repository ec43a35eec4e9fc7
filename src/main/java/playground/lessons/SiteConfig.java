package playground.lessons;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The keys of a just-the-docs {@code _config.yml} the playground applies; every other key is ignored.
 * Immutable; safe to share between threads.
 *
 * @param title            the site's name (sidebar, page titles)
 * @param description      the home page's meta description, or null
 * @param baseurl          the path Jekyll served the site under ({@code /course}), or "": links and images that
 *                         start with it are read without it, since the playground serves the course at {@code /}
 * @param exclude          Jekyll's exclude list, added to Jekyll's defaults
 * @param include          files or folders served although their name starts with {@code .} or {@code _}
 * @param footerContent    trusted HTML under every page, or null
 * @param auxLinks         the links at the top right
 * @param navExternalLinks links listed under the navigation
 * @param searchEnabled    whether the search box is shown
 * @param prettyPermalinks {@code permalink: pretty}: Jekyll served {@code x.md} at {@code x/}, else {@code x.html}
 */
public record SiteConfig(String title, String description, String baseurl, List<String> exclude,
                         List<String> include, String footerContent, List<ExternalLink> auxLinks,
                         List<ExternalLink> navExternalLinks, boolean searchEnabled, boolean prettyPermalinks) {

    public static final String DEFAULT_TITLE = "딥러닝 놀이터";
    /** Jekyll's own excludes, plus README.md beside an index.md (see {@link CourseLoader}). */
    static final List<String> JEKYLL_EXCLUDES = List.of("vendor", "node_modules", "Gemfile", "Gemfile.lock",
            "gemfiles", "_site", ".sass-cache", ".jekyll-cache", ".jekyll-metadata");
    public static final SiteConfig DEFAULT = new SiteConfig(DEFAULT_TITLE, null, "", List.of(), List.of(), null,
            List.of(), List.of(), true, false);

    /** A link out of the course: {@code aux_links} or {@code nav_external_links}. */
    public record ExternalLink(String title, String url, boolean newTab) {}

    public SiteConfig {
        exclude = List.copyOf(exclude);
        include = List.copyOf(include);
        auxLinks = List.copyOf(auxLinks);
        navExternalLinks = List.copyOf(navExternalLinks);
    }

    /**
     * Reads {@code _config.yml}; never throws. What cannot be read is added to {@code problems} and left at its
     * default, so a typo in the config never takes the course down.
     */
    static SiteConfig parse(String yaml, List<String> problems) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            problems.add("not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + "); defaults used");
            return DEFAULT;
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return DEFAULT;
        }
        String title = text(map.get("title"));
        String baseurl = text(map.get("baseurl"));
        baseurl = baseurl == null ? "" : baseurl.replaceAll("/+$", "");
        Object search = map.get("search_enabled");
        return new SiteConfig(title == null || title.isBlank() ? DEFAULT_TITLE : title, text(map.get("description")),
                baseurl.isEmpty() || baseurl.startsWith("/") ? baseurl : "/" + baseurl,
                strings(map.get("exclude"), "exclude", problems), strings(map.get("include"), "include", problems),
                text(map.get("footer_content")), auxLinks(map.get("aux_links"), problems),
                navExternalLinks(map.get("nav_external_links"), problems), !Boolean.FALSE.equals(search),
                "pretty".equals(text(map.get("permalink"))));
    }

    /**
     * Whether Jekyll would leave {@code relative} (a path under the content folder, {@code /}-separated) out of
     * the site: an exclude entry names it or a folder above it, or matches it as a glob; hidden and
     * {@code _}-prefixed names are left out unless {@code include} names them.
     */
    boolean excludes(String relative) {
        if (listed(include, relative)) {
            return false;
        }
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".") || segment.startsWith("_")) {
                return true;
            }
        }
        return listed(JEKYLL_EXCLUDES, relative) || listed(exclude, relative);
    }

    private static boolean listed(List<String> entries, String relative) {
        for (String raw : entries) {
            String entry = raw.strip().replaceAll("^/+", "").replaceAll("/+$", "");
            if (entry.isEmpty()) {
                continue;
            }
            if (relative.equals(entry) || relative.startsWith(entry + "/")) {
                return true;
            }
            if (entry.contains("*") || entry.contains("?") || entry.contains("[")) {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + entry);
                Path path = Path.of(relative);
                for (int i = 1; i <= path.getNameCount(); i++) {
                    if (glob.matches(path.subpath(0, i)) || glob.matches(path.getName(i - 1))) {
                        return true; // a folder named by the glob, or (as Jekyll's fnmatch) a name anywhere
                    }
                }
            }
        }
        return false;
    }

    /** {@code aux_links: {"GitHub": ["https://…"]}}, with {@code aux_links_new_tab}. */
    private static List<ExternalLink> auxLinks(Object value, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("aux_links must be title: [url] pairs, found " + value);
            return List.of();
        }
        List<ExternalLink> links = new ArrayList<>();
        map.forEach((title, urls) -> {
            Object url = urls instanceof List<?> list && !list.isEmpty() ? list.get(0) : urls;
            if (url != null) {
                links.add(new ExternalLink(title.toString(), url.toString(), false));
            }
        });
        return links;
    }

    /** {@code nav_external_links: [{title: …, url: …, opens_in_new_tab: true}]}. */
    private static List<ExternalLink> navExternalLinks(Object value, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add("nav_external_links must be a list of {title, url}, found " + value);
            return List.of();
        }
        List<ExternalLink> links = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> link && link.get("title") != null && link.get("url") != null) {
                links.add(new ExternalLink(link.get("title").toString(), link.get("url").toString(),
                        Boolean.TRUE.equals(link.get("opens_in_new_tab"))));
            } else {
                problems.add("nav_external_links: an entry needs title and url, found " + item);
            }
        }
        return links;
    }

    private static List<String> strings(Object value, String key, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(key + " must be a list, found " + value);
            return List.of();
        }
        return list.stream().filter(v -> v != null).map(Object::toString).toList();
    }

    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : value.toString().strip();
    }
}
