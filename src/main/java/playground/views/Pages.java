package playground.views;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import playground.lessons.Course;
import playground.lessons.Lesson;
import playground.lessons.NavNode;
import playground.lessons.SearchHit;

/** The site's pages as HTML documents. Static methods, no HTTP. */
public final class Pages {
    private Pages() {}

    /** The home page: the course's own {@code index.md} (if any), then the whole course tree. */
    public static String home(Frame frame) {
        Course course = frame.course();
        Optional<Lesson> index = course.home();
        String title = index.map(Lesson::title).orElse(course.config().title());
        return Layout.page(frame, title, index.orElse(null), index.map(l -> l.content().hasWidget()).orElse(false),
                index.isPresent() ? article(lessonHtml(index.get())).withClass("lesson")
                        : h1(course.config().title()),
                section(
                        h2("강의 목록").withId("course-tree"),
                        course.navigation().isEmpty()
                                ? p("아직 강의가 없습니다. 강의 폴더에 Markdown 파일(.md)을 넣어 주세요.")
                                : courseTree(course.navigation())
                ).withClass("course-tree")
        );
    }

    private static DomContent courseTree(List<NavNode> nodes) {
        return ul(each(nodes, node -> li(
                a(node.lesson().title()).withHref(node.lesson().url()),
                iff(!node.children().isEmpty(), courseTree(node.children()))
        )));
    }

    /** A lesson: breadcrumbs, the rendered Markdown, links to the previous and next lesson. */
    public static String lesson(Frame frame, Lesson lesson) {
        Course course = frame.course();
        return Layout.page(frame, lesson.title(), lesson, lesson.content().hasWidget(),
                breadcrumbs(course, lesson),
                article(lessonHtml(lesson)).withClass("lesson"),
                childLessons(course.children(lesson)),
                pager(course.previous(lesson), course.next(lesson))
        );
    }

    /** Like just-the-docs, a page with children lists them under its text. */
    private static DomContent childLessons(List<Lesson> children) {
        return iff(!children.isEmpty(), section(
                h2("이 단원의 강의"),
                ul(each(children, child -> li(a(child.title()).withHref(child.url()))))
        ).withClass("child-lessons"));
    }

    /** The rendered lesson: trusted, see {@link Layout#trusted}. */
    private static DomContent lessonHtml(Lesson lesson) {
        return Layout.trusted(lesson.content().html());
    }

    private static DomContent breadcrumbs(Course course, Lesson lesson) {
        List<DomContent> items = new ArrayList<>();
        items.add(li(a("처음").withHref("/")).withClass("breadcrumb-nav-list-item"));
        for (Lesson ancestor : course.breadcrumbs(lesson)) {
            items.add(li(a(ancestor.title()).withHref(ancestor.url())).withClass("breadcrumb-nav-list-item"));
        }
        items.add(li(span(lesson.title()).attr("aria-current", "page")).withClass("breadcrumb-nav-list-item"));
        return nav(ol(items.toArray(DomContent[]::new)).withClass("breadcrumb-nav-list"))
                .withClass("breadcrumb-nav").attr("aria-label", "현재 위치");
    }

    private static DomContent pager(Optional<Lesson> previous, Optional<Lesson> next) {
        return nav(
                previous.<DomContent>map(p -> a(span("이전").withClass("pager-label"),
                                span(p.title()).withClass("pager-title"))
                        .withHref(p.url()).withClass("pager-link pager-previous").attr("rel", "prev"))
                        .orElse(span().withClass("pager-link pager-empty")),
                next.<DomContent>map(n -> a(span("다음").withClass("pager-label"), span(n.title()).withClass("pager-title"))
                        .withHref(n.url()).withClass("pager-link pager-next").attr("rel", "next"))
                        .orElse(span().withClass("pager-link pager-empty"))
        ).withClass("pager").attr("aria-label", "이전 강의와 다음 강의");
    }

    /** The 404 page, in Korean, with a way back. */
    public static String notFound(Frame frame) {
        return Layout.page(frame, "페이지를 찾을 수 없습니다", null, false,
                article(
                        h1("페이지를 찾을 수 없습니다"),
                        p("주소가 바뀌었거나 잘못 입력되었을 수 있습니다. 왼쪽 목차나 검색으로 찾아 보세요."),
                        p(a("처음 화면으로 돌아가기").withHref("/"))
                ).withClass("lesson not-found")
        );
    }

    /** Search results for {@code query}. */
    public static String search(Frame frame, String query, List<SearchHit> hits) {
        String q = query == null ? "" : query.strip();
        return Layout.page(frame, q.isEmpty() ? "검색" : "‘" + q + "’ 검색 결과", null, false, q,
                article(
                        h1("검색"),
                        q.isEmpty() ? p("찾을 낱말을 입력하세요.")
                                : hits.isEmpty() ? p("‘" + q + "’이(가) 들어 있는 강의가 없습니다.")
                                : div(
                                        p("‘" + q + "’이(가) 들어 있는 강의 " + hits.size() + "개").withClass("search-count"),
                                        ol(each(hits, hit -> li(
                                                a(text(hit.lesson().title()), iff(hit.section() != null,
                                                        span(" › " + hit.section()).withClass("search-result-section")))
                                                        .withHref(hit.url()).withClass("search-result-title"),
                                                p(text(hit.before()), iff(!hit.match().isEmpty(), mark(hit.match())), text(hit.after()))
                                                        .withClass("search-result-snippet")
                                        ))).withClass("search-result-list")
                                )
                ).withClass("lesson search-page")
        );
    }
}
