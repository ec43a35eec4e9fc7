package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import playground.lessons.CourseLoader;
import playground.markdown.LessonMarkdown;

/** The real server on a free port, over real HTTP. */
class ServerTest {
    @TempDir
    static Path content;
    private static Javalin app;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        write("index.md", "---\ntitle: 딥러닝 놀이터\n---\n# 딥러닝 놀이터\n\n수업 사이트입니다.\n");
        write("unit/index.md", "---\ntitle: 최적화\nnav_order: 1\nhas_children: true\n---\n# 최적화\n");
        write("unit/gd.md", """
                ---
                title: 경사하강법
                parent: 최적화
                nav_order: 1
                ---
                # 경사하강법
                {: .no_toc }

                1. TOC
                {:toc}

                ## 원리
                손실을 줄이는 **경사하강법**: $ w \\leftarrow w - \\eta g $

                ![그림](img/curve.png)

                ## 정리
                끝.
                """);
        write("unit/next.md", "---\ntitle: 모멘텀\nparent: 최적화\nnav_order: 2\n---\n# 모멘텀\n");
        write("unit/broken.md", "---\ntitle: [깨짐\nparent: 최적화\n---\n## 머리말이 깨진 강의\n그래도 보입니다.\n");
        write("unit/orphan.md", "---\ntitle: 고아 강의\nparent: 없는 단원\n---\n# 고아\n");
        write("unit/img/curve.png", "not really a png");
        write("unit/widget.md", "---\ntitle: 위젯 강의\nparent: 최적화\nnav_order: 3\n---\n# 위젯\n\n"
                + "```playground title=\"실험\"\n{\"fit\": {\"epochs\": 5}}\n```\n");
        write("secret.txt", "do not serve");
        app = Server.create(new ServerConfig(CourseLoader.load(content, LessonMarkdown.withJsonWidgets())))
                .start(0);
    }

    private static void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void homeShowsTheCourseTreeInKorean() throws Exception {
        HttpResponse<String> response = get("/");
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("ko", page.selectFirst("html").attr("lang"));
        assertEquals(java.util.List.of("최적화", "경사하강법", "모멘텀", "위젯 강의", "고아 강의", "머리말이 깨진 강의"),
                page.select(".course-tree a").eachText());
    }

    @Test
    void lessonPageHasNavigationBreadcrumbsPagerAndContent() throws Exception {
        HttpResponse<String> response = get("/unit/gd");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Document page = Jsoup.parse(response.body());
        assertEquals("경사하강법 – 딥러닝 놀이터", page.title());
        assertEquals("/unit/gd", page.selectFirst(".nav-list-link.active").attr("href"));
        assertTrue(page.selectFirst(".nav-list-link.active").parents().hasClass("expanded"));
        assertEquals(java.util.List.of("처음", "최적화", "경사하강법"), page.select(".breadcrumb-nav-list-item").eachText());
        assertEquals("/unit/", page.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("/unit/next", page.selectFirst("a[rel=next]").attr("href"));
        assertEquals(java.util.List.of("#원리", "#정리"), page.select("#markdown-toc a").eachAttr("href"));
        assertEquals("w \\leftarrow w - \\eta g", page.selectFirst(".math-inline").text());
        assertEquals("/unit/img/curve.png", page.selectFirst("article img").attr("src"));
        assertTrue(page.select("script[src]").eachAttr("src").contains("/webjars/katex/0.16.4/dist/katex.min.js"));
        assertTrue(page.select("script:not([src])").isEmpty(), "no inline script");
    }

    @Test
    void widgetScriptsLoadOnlyOnPagesWithAWidget() throws Exception {
        Document widget = Jsoup.parse(get("/unit/widget").body());
        assertEquals("{\"fit\": {\"epochs\": 5}}", widget.selectFirst(".pg-widget").attr("data-config"));
        assertEquals("실험", widget.selectFirst(".pg-widget").attr("data-title"));
        java.util.List<String> scripts = widget.select("script[src]").eachAttr("src");
        assertTrue(scripts.contains("/webjars/chart.js/4.4.7/dist/chart.umd.js"), scripts.toString());
        assertTrue(scripts.contains("/assets/js/widget.js"), scripts.toString());
        java.util.List<String> plain = Jsoup.parse(get("/unit/gd").body()).select("script[src]").eachAttr("src");
        assertFalse(plain.contains("/assets/js/widget.js"));
        assertEquals(200, get("/webjars/chart.js/4.4.7/dist/chart.umd.js").statusCode());
    }

    @Test
    void stylesScriptsAndWebjarsAreServed() throws Exception {
        assertEquals(200, get("/assets/css/site.css").statusCode());
        assertEquals(200, get("/assets/js/site.js").statusCode());
        assertEquals(200, get("/webjars/katex/0.16.4/dist/katex.min.js").statusCode());
        assertEquals(200, get("/webjars/prismjs/1.29.0/prism.js").statusCode());
        assertEquals(200, get("/webjars/prismjs/1.29.0/components/prism-python.min.js").statusCode());
    }

    @Test
    void imagesBesideLessonsAreServedButOtherFilesAreNot() throws Exception {
        HttpResponse<String> image = get("/unit/img/curve.png");
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, get("/secret.txt").statusCode());
        assertEquals(404, get("/unit/gd.md").statusCode());
    }

    @Test
    void unitPageListsItsLessons() throws Exception {
        Document page = Jsoup.parse(get("/unit/").body());
        assertEquals(java.util.List.of("경사하강법", "모멘텀", "위젯 강의"), page.select(".child-lessons a").eachText());
        assertEquals(200, get("/unit").statusCode(), "trailing slash is optional");
    }

    @Test
    void unknownPageAnswersKorean404() throws Exception {
        HttpResponse<String> response = get("/no/such/lesson");
        assertEquals(404, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("페이지를 찾을 수 없습니다", page.selectFirst("h1").text());
        assertEquals("ko", page.selectFirst("html").attr("lang"));
    }

    @Test
    void brokenFrontMatterAndUnknownParentStillRender() throws Exception {
        HttpResponse<String> broken = get("/unit/broken");
        assertEquals(200, broken.statusCode());
        assertTrue(broken.body().contains("그래도 보입니다."));
        assertEquals(200, get("/unit/orphan").statusCode());
    }

    @Test
    void everyResponseCarriesSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/unit/gd", "/assets/css/site.css", "/nope", "/search?q=x"}) {
            HttpResponse<String> response = get(path);
            assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY,
                    response.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow()
                    .contains("script-src 'self';"), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("strict-origin-when-cross-origin",
                    response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/unit/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
            "/unit/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%252e%252e/secret.txt", "/unit/img/..%5c..%5csecret.txt",
            "/assets/../secret.txt", "/assets/%2e%2e/%2e%2e/pom.xml", "/webjars/%2e%2e/%2e%2e/etc/passwd",
            "/assets/..%2f..%2fpom.xml", "/assets/%2e%2e/playground/App.class", "/assets/css/..%2f..%2fplayground/App.class",
            "/webjars/..%2f..%2fplayground/App.class", "/assets/%2e%2e%2fplayground%2fApp.class", "/assets/..\\playground\\App.class",
            "//etc/passwd", "/etc/passwd", "/C:/Windows/win.ini", "/unit/img/curve.png%00.md", "/unit/gd/.."})
    void traversalAttemptsAnswer404(String path) throws Exception {
        RawResponse response = raw(path);
        assertEquals(404, response.statusCode(), path);
        assertFalse(response.body().contains("do not serve"));
    }

    /** Sends the path byte for byte (HttpClient and URI would normalise some of these). */
    private static RawResponse raw(String path) throws IOException {
        try (Socket socket = new Socket("localhost", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            String head = text.substring(0, text.indexOf("\r\n\r\n"));
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            return new RawResponse(status, head, body);
        }
    }

    private record RawResponse(int statusCode, String head, String body) {}

    /** Paths Jetty itself rejects before Javalin (bad UTF-8, characters a URI may not hold) still get our headers. */
    @ParameterizedTest
    @ValueSource(strings = {"/assets/%c0%ae%c0%ae/x", "/a<b", "/a>b", "/\\evil.example", "/%ff%fe", "/a%zz"})
    void pathsJettyRejectsGetTheKorean404WithTheSecurityHeaders(String path) throws Exception {
        RawResponse response = raw(path);
        assertEquals(404, response.statusCode(), path + "\n" + response.head());
        String head = response.head().toLowerCase(java.util.Locale.ROOT);
        assertTrue(head.contains("content-security-policy: default-src 'self'"), path + "\n" + response.head());
        assertTrue(head.contains("x-content-type-options: nosniff"), path);
        assertTrue(head.contains("x-frame-options: deny"), path);
        assertTrue(response.body().contains("lang=\"ko\""), response.body());
    }

    @Test
    void searchPageFindsKoreanWord() throws Exception {
        HttpResponse<String> response = get("/search?q=" + java.net.URLEncoder.encode("경사하강법", StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertEquals("경사하강법", page.selectFirst(".search-result-title").text());
        assertEquals("/unit/gd", page.selectFirst(".search-result-title").attr("href"));
        assertEquals("경사하강법", page.selectFirst(".search-result-snippet mark").text());
        assertEquals("경사하강법", page.selectFirst("#search-input").val());
        assertEquals(1, page.select("#search-input").size());
    }

    @Test
    void searchJsonAnswersForTheSearchBox() throws Exception {
        HttpResponse<String> response = get("/search.json?q=" + java.net.URLEncoder.encode("경사하강법", StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.body().startsWith("[{\"title\":\"경사하강법\",\"url\":\"/unit/gd\""), response.body());
        assertEquals("[]", get("/search.json?q=").body());
    }

    @Test
    void searchEscapesWhatWasTyped() throws Exception {
        String body = get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").body();
        assertFalse(body.contains("<script>alert(1)</script>"));
        assertEquals(200, get("/search.json?q=%3Cscript%3E").statusCode());
    }

    @Test
    void extraRouteGroupsAreAddedBeforeLessons() throws Exception {
        Javalin other = Server.create(new ServerConfig(CourseLoader.load(content, LessonMarkdown.withJsonWidgets()))
                .withRoutes(config -> config.routes.get("/healthz", ctx -> ctx.result("ok")))).start(0);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + other.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", response.body());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        } finally {
            other.stop();
        }
    }
}
