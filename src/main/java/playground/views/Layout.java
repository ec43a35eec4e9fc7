package playground.views;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import j2html.tags.specialized.LiTag;
import java.util.List;
import playground.lessons.Course;
import playground.lessons.Lesson;
import playground.lessons.NavNode;
import playground.lessons.SiteConfig;

/**
 * The page frame every page shares: sidebar navigation on the left (a menu button on phones), a search box,
 * the content column. Styles and scripts come only from our origin: {@code /assets/} and {@code /webjars/}.
 * Our scripts are ES modules, one entry module per page feature: site.js (navigation, search, math), widget.js,
 * activations.js, code-run.js and live-reload.js; KaTeX, Prism and Chart.js are classic scripts with {@code defer},
 * which run before the modules, in the same order as written.
 */
public final class Layout {
    static final String KATEX = "/webjars/katex/0.16.4/dist/";
    static final String PRISM = "/webjars/prismjs/1.29.0/";
    static final String CHART_JS = "/webjars/chart.js/4.4.7/dist/chart.umd.js";
    static final String JS = "/assets/js/";
    /**
     * The widget's ES modules (widget.js is the entry; the rest are what it imports). Module scripts run once each
     * and in import order whatever the order here; listing them all lets the browser fetch them at once instead of
     * finding the imports one level at a time.
     */
    static final List<String> WIDGET_JS = List.of("vocabulary.js", "chart-loader.js", "widget-dom.js",
            "widget-state.js", "url-state.js", "compare-spec.js", "compare-table.js", "widget-compare.js",
            "layer-list.js", "widget-form.js", "widget-summary.js", "widget-weights.js", "loss-chart.js",
            "decision-plane.js", "run-socket.js", "run-panel.js", "banner.js", "test-metrics.js", "live-summary.js",
            "csv-upload.js", "run-errors.js", "sk-doc.js", "sk-form.js", "family.js", "sk-results.js", "sk-chart.js",
            "sk-tree-layout.js", "sk-rows.js", "sk-tree.js", "sk-replay.js", "sk-views.js", "sk-code.js", "sk-widget.js",
            "widget.js");
    static final String ACTIVATIONS_CSS = "/assets/css/activations.css";

    private Layout() {}

    /**
     * @param current   the lesson shown, or null; marks its place in the navigation; when its content has an
     *                  activation explorer, Chart.js and the explorer's script and style are loaded
     * @param hasWidget whether to load Chart.js and the widget script
     */
    static String page(Frame frame, String title, Lesson current, boolean hasWidget, DomContent... main) {
        return page(frame, title, current, hasWidget, "", main);
    }

    /** @param query what the search box in the header shows (the search page fills it in) */
    static String page(Frame frame, String title, Lesson current, boolean hasWidget, String query,
                       DomContent... main) {
        Course course = frame.course();
        SiteConfig config = course.config();
        String siteName = config.title();
        boolean hasActivations = current != null && current.content().hasActivations();
        String fullTitle = title.equals(siteName) ? siteName : title + " – " + siteName;
        boolean codeRun = current != null && current.content().hasCodeRun();
        return document(html(
                head(
                        meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title(fullTitle),
                        iff(config.description() != null && current != null && current.isHome(),
                                meta().withName("description").withContent(config.description())),
                        link().withRel("icon").withHref("data:,"),
                        link().withRel("stylesheet").withHref(KATEX + "katex.min.css"),
                        link().withRel("stylesheet").withHref(PRISM + "themes/prism.min.css"),
                        link().withRel("stylesheet").withHref("/assets/css/site.css"),
                        link().withRel("stylesheet").withHref("/assets/css/widget.css"),
                        iff(codeRun, link().withRel("stylesheet").withHref("/assets/css/code-run.css")),
                        iff(hasWidget || codeRun, link().withRel("stylesheet").withHref("/assets/css/sk.css")),
                        iff(hasActivations, link().withRel("stylesheet").withHref(ACTIVATIONS_CSS)),
                        script().withSrc(KATEX + "katex.min.js").isDefer(),
                        script().withSrc(PRISM + "prism.js").isDefer().attr("data-manual"),
                        each(List.of("python", "bash", "json"), lang ->
                                script().withSrc(PRISM + "components/prism-" + lang + ".min.js").isDefer()),
                        iff(hasWidget || hasActivations, script().withSrc(CHART_JS).isDefer()),
                        iff(hasWidget, each(WIDGET_JS, Layout::module)),
                        iff(hasActivations, module("activations.js")),
                        module("site.js"),
                        iff(codeRun, module("code-run.js")),
                        iff(frame.liveReload(), module("live-reload.js"))
                ),
                body(
                        a("본문으로 건너뛰기").withClass("skip-link").withHref("#main-content"),
                        div(
                                sideBar(course, current),
                                div(
                                        header(iff(config.searchEnabled(), searchForm(query)),
                                                auxLinks(config.auxLinks())).withClass("main-header"),
                                        main(main).withId("main-content").withClass("main-content"),
                                        footer(config.footerContent() == null
                                                ? p(siteName + " — 브라우저에서 바로 해 보는 딥러닝 수업")
                                                : trusted(config.footerContent())).withClass("site-footer")
                                ).withClass("main")
                        ).withClass("site")
                )
        ).attr("lang", "ko"));
    }

    /** A script tag for our module {@code file} in {@code web/js/}. */
    private static DomContent module(String file) {
        return script().withType("module").withSrc(JS + file);
    }

    /**
     * The one place trusted HTML enters a page: a rendered lesson, or the teacher's {@code footer_content}. Both
     * come from the teacher's own folder, as with Jekyll; nothing a student sends reaches here.
     */
    static DomContent trusted(String html) {
        return rawHtml(html);
    }

    /** just-the-docs' {@code aux_links}: links at the top right of every page. */
    private static DomContent auxLinks(List<SiteConfig.ExternalLink> links) {
        return iff(!links.isEmpty(), nav(ul(each(links, link -> li(externalLink(link, "aux-nav-link"))
                .withClass("aux-nav-list-item"))).withClass("aux-nav-list")).withClass("aux-nav")
                .attr("aria-label", "바깥 링크"));
    }

    private static DomContent externalLink(SiteConfig.ExternalLink link, String className) {
        var a = a(link.title()).withHref(link.url()).withClass(className);
        return link.newTab() ? a.withTarget("_blank").withRel("noopener") : a;
    }

    private static DomContent searchForm(String query) {
        return form(
                label("강의 검색").withFor("search-input").withClass("visually-hidden"),
                input().withType("search").withName("q").withId("search-input").withValue(query)
                        .withPlaceholder("강의 검색 (예: 경사하강법)").attr("autocomplete", "off")
                        .attr("aria-controls", "search-results"),
                button("검색").withType("submit").withClass("search-button"),
                div().withId("search-results").withClass("search-results").attr("aria-live", "polite")
        ).withAction("/search").withMethod("get").attr("role", "search").withClass("search");
    }

    private static DomContent sideBar(Course course, Lesson current) {
        List<Lesson> open = current == null ? List.of() : course.breadcrumbs(current);
        List<SiteConfig.ExternalLink> external = course.config().navExternalLinks();
        return div(
                div(
                        a(course.config().title()).withHref("/").withClass("site-title"),
                        button(span("메뉴")).withType("button").withClass("nav-toggle")
                                .attr("aria-controls", "site-nav").attr("aria-expanded", "false")
                ).withClass("site-header"),
                nav(navList(course.navigation(), current, open),
                        iff(!external.isEmpty(), ul(each(external, link -> li(externalLink(link, "nav-list-link"))
                                .withClass("nav-list-item external"))).withClass("nav-list nav-external")))
                        .withId("site-nav").withClass("site-nav").attr("aria-label", "강의 목차")
        ).withClass("side-bar");
    }

    private static DomContent navList(List<NavNode> nodes, Lesson current, List<Lesson> open) {
        return ul(each(nodes, node -> navItem(node, current, open))).withClass("nav-list");
    }

    private static LiTag navItem(NavNode node, Lesson current, List<Lesson> open) {
        Lesson lesson = node.lesson();
        boolean active = lesson == current;
        boolean expanded = active || open.contains(lesson);
        LiTag item = li(
                iff(!node.children().isEmpty(),
                        button(span("하위 항목 펼치기").withClass("visually-hidden")).withType("button")
                                .withClass("nav-list-expander").attr("aria-expanded", String.valueOf(expanded))),
                a(lesson.title()).withHref(lesson.url()).withClass("nav-list-link" + (active ? " active" : ""))
                        .attr(active ? "aria-current" : "data-nav", active ? "page" : "link"),
                iff(!node.children().isEmpty(), navList(node.children(), current, open))
        ).withClass("nav-list-item" + (expanded ? " expanded" : "") + (active ? " active" : ""));
        return item;
    }
}
