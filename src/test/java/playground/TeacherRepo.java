package playground;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder laid out like a teacher's just-the-docs repository, built from the real notes in
 * {@code ../shared/notes/ml-basics}: {@code _config.yml}, {@code index.md}, {@code docs/ml-basics/…} with the notes,
 * {@code assets/images/machine_learning/…} with a generated picture for every image the notes name, and what
 * Jekyll leaves out ({@code README.md}, {@code Gemfile}, {@code vendor/}, {@code node_modules/}, a draft the
 * config excludes).
 */
public final class TeacherRepo {
    public static final String TITLE = "김선생의 머신러닝 노트";
    public static final String NOTES = "docs/ml-basics/";
    /** How the notes name their images: from the page's Jekyll URL, three levels up. */
    private static final Pattern IMAGE = Pattern.compile("\\]\\(\\.\\./\\.\\./\\.\\./(assets/images/[^)\\s]+)\\)");
    /** The smallest lossless WebP (1 × 1), as Modernizr's feature test has it: ImageIO cannot write WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    public final Path root;
    /** The notes' file names, e.g. {@code 05-deep-learning.md}. */
    public final List<String> notes;
    /** Every image path the notes name, relative to the root. */
    public final Set<String> images;

    private TeacherRepo(Path root, List<String> notes, Set<String> images) {
        this.root = root;
        this.notes = notes;
        this.images = images;
    }

    public static Path sharedNotes() {
        return Path.of(System.getenv().getOrDefault("SHARED_DIR", "../shared"), "notes", "ml-basics");
    }

    public static TeacherRepo create() {
        try {
            Path root = Files.createTempDirectory("teacher-repo");
            write(root, "_config.yml", """
                    title: %s
                    description: 고등학교 인공지능 수업 노트
                    baseurl: "/ml-notes"
                    permalink: pretty
                    theme: just-the-docs
                    exclude: ["drafts/"]
                    footer_content: "Copyright &copy; 2026 김선생. <a href=\\"https://example.org/license\\">이용 안내</a>"
                    aux_links:
                      "GitHub 저장소":
                        - "https://github.com/example/ml-notes"
                    nav_external_links:
                      - title: Keras 문서
                        url: https://keras.io/
                    search_enabled: true
                    """.formatted(TITLE));
            write(root, "index.md", """
                    ---
                    title: 처음
                    nav_order: 0
                    ---
                    # 머신러닝 수업 노트
                    {: .fs-9 }

                    [시작하기]({% link docs/ml-basics/index.md %}){: .btn .btn-primary .mr-2 }
                    [딥러닝]({{ site.baseurl }}/docs/ml-basics/05-deep-learning/){: .btn }

                    분류는 [결정 트리](docs/ml-basics/03-classification-2.md#decision-tree-결정-트리)부터,
                    회귀는 [예전 주소](/ml-notes/docs/ml-basics/01-linear-regression.html)로 봅니다.[^1]

                    {% include note.html %}

                    {% if site.show_banner %}배너{% endif %}

                    [^1]: 예전 Jekyll 주소도 그대로 열립니다.
                    """);
            write(root, "_includes/note.html", "<p class=\"note\">{{ site.title }}에 오신 것을 환영합니다.</p>\n");
            write(root, "README.md", "# ml-notes\n\n이 저장소는 Jekyll로 만든 수업 사이트입니다.\n");
            write(root, "Gemfile", "source \"https://rubygems.org\"\ngem \"just-the-docs\"\n");
            write(root, "Gemfile.lock", "GEM\n");
            write(root, "vendor/bundle/ruby/3.1.0/gems/just-the-docs-0.8.2/README.md", "# just-the-docs\n");
            write(root, "vendor/bundle/ruby/3.1.0/gems/just-the-docs-0.8.2/docs/index.md", "# 테마 문서\n");
            write(root, "node_modules/katex/README.md", "# KaTeX\n");
            write(root, "drafts/wip.md", "# 쓰는 중\n");
            write(root, NOTES + "index.md", """
                    ---
                    layout: default
                    title: Machine Learning 기초
                    nav_order: 2
                    has_children: true
                    ---
                    # Machine Learning 기초
                    """);
            List<String> notes = new ArrayList<>();
            Set<String> images = new LinkedHashSet<>();
            try (Stream<Path> files = Files.list(sharedNotes())) {
                for (Path note : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    String text = Files.readString(note);
                    notes.add(note.getFileName().toString());
                    write(root, NOTES + note.getFileName(), text);
                    Matcher m = IMAGE.matcher(text);
                    while (m.find()) {
                        images.add(m.group(1));
                    }
                }
            }
            for (String image : images) {
                picture(root.resolve(image));
            }
            return new TeacherRepo(root, List.copyOf(notes), Set.copyOf(images));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path note(String name) {
        return root.resolve(NOTES + name);
    }

    /** The note's lesson URL: its path without {@code .md}. */
    public static String url(String note) {
        return "/" + NOTES + note.substring(0, note.length() - 3);
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A labelled picture of the file's type, so a screenshot shows which figure is where. */
    private static void picture(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        String type = name.substring(name.lastIndexOf('.') + 1);
        switch (type) {
            case "svg" -> Files.writeString(file, """
                    <svg xmlns="http://www.w3.org/2000/svg" width="400" height="160" viewBox="0 0 400 160">
                    <rect width="400" height="160" fill="#e6e1e8"/><text x="20" y="85" font-size="20">%s</text></svg>
                    """.formatted(name));
            case "webp" -> Files.write(file, WEBP);
            default -> {
                BufferedImage image = new BufferedImage(400, 160, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(new Color(0xf5f6fa));
                g.fillRect(0, 0, 400, 160);
                g.setColor(new Color(0x7253ed));
                g.drawRect(0, 0, 399, 159);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
                g.drawString(name, 20, 85);
                g.dispose();
                ImageIO.write(image, type.equals("jpg") ? "jpeg" : type, file.toFile());
            }
        }
    }
}
