package playground.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Liquid tags lesson notes use, applied to a lesson's body before Markdown, as Jekyll does:
 * <pre>{@code
 * {{ site.baseurl }}  {{ site.title }}  {{ site.description }}  {{ page.title }}  {{ "/x.png" | relative_url }}
 * {% link docs/a.md %}   {% include note.html %}   {% raw %}…{% endraw %}   {% comment %}…{% endcomment %}
 * {% highlight python %}…{% endhighlight %}
 * }</pre>
 * Anything else stays in the page, marked {@code <code class="liquid-unsupported">} outside code blocks, and is
 * reported with its line, so the author sees what did not apply. {@code site.baseurl} is empty: the playground
 * serves the course at {@code /}. Stateless apart from the {@link Context} given.
 */
final class Liquid {
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(.*?)\\s*-?%\\}|\\{\\{-?\\s*(.*?)\\s*-?\\}\\}",
            Pattern.DOTALL);
    private static final Pattern QUOTED_URL = Pattern.compile("([\"'])(.*)\\1\\s*\\|\\s*(?:relative_url|absolute_url)");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");
    private static final int MAX_INCLUDE_DEPTH = 4;

    /**
     * What a page's Liquid can see.
     *
     * @param link     a source path such as {@code docs/a.md} → that lesson's URL
     * @param include  a file name under {@code _includes/} → its text
     */
    record Context(SiteConfig site, String pageTitle, Function<String, Optional<String>> link,
                   Function<String, Optional<String>> include) {}

    /** A line of the lesson file and what is wrong there. */
    record Problem(int line, String message) {}

    record Result(String text, List<Problem> problems) {}

    private Liquid() {}

    /** @param firstLine the file's line number of the body's first line (after the front matter) */
    static Result render(String body, int firstLine, Context context) {
        List<Problem> problems = new ArrayList<>();
        String text = render(body, firstLine, context, problems, 0);
        return new Result(text, problems);
    }

    private static String render(String body, int firstLine, Context context, List<Problem> problems, int depth) {
        if (body.indexOf('{') < 0) {
            return body;
        }
        boolean[] fenced = fencedLines(body);
        StringBuilder out = new StringBuilder(body.length());
        Matcher m = TAG.matcher(body);
        int at = 0;
        while (m.find(at)) {
            out.append(body, at, m.start());
            int line = lineOf(body, m.start());
            at = m.end();
            if (m.group(1) != null) {
                String tag = m.group(1);
                String name = tag.split("\\s+", 2)[0];
                String argument = tag.substring(name.length()).strip();
                switch (name) {
                    case "raw", "comment", "highlight" -> {
                        Matcher end = Pattern.compile("\\{%-?\\s*end" + name + "\\s*-?%\\}").matcher(body);
                        if (!end.find(at)) {
                            problems.add(new Problem(firstLine + line, "{% " + name + " %} has no {% end" + name + " %}"));
                            out.append(marked(m.group(), fenced[line]));
                            continue;
                        }
                        String inside = body.substring(at, end.start());
                        if (name.equals("raw")) {
                            out.append(inside);
                        } else if (name.equals("highlight")) {
                            out.append("```").append(argument.split("\\s+")[0]).append('\n')
                                    .append(inside.strip()).append("\n```");
                        }
                        at = end.end();
                    }
                    case "link" -> {
                        Optional<String> url = context.link().apply(argument);
                        url.ifPresentOrElse(out::append, () -> {
                            problems.add(new Problem(firstLine + line, "{% link " + argument + " %}: no such page"));
                            out.append(marked(m.group(), fenced[line]));
                        });
                    }
                    case "include" -> {
                        Optional<String> included = argument.matches("[\\w./-]+") && depth < MAX_INCLUDE_DEPTH
                                ? context.include().apply(argument) : Optional.empty();
                        if (included.isPresent()) {
                            List<Problem> inner = new ArrayList<>();
                            out.append(render(included.get(), 1, context, inner, depth + 1));
                            inner.forEach(p -> problems.add(new Problem(firstLine + line,
                                    "in _includes/" + argument + " line " + p.line() + ": " + p.message())));
                        } else {
                            problems.add(new Problem(firstLine + line, "{% include " + argument
                                    + " %}: no such file in _includes/ (parameters are not supported)"));
                            out.append(marked(m.group(), fenced[line]));
                        }
                    }
                    default -> {
                        problems.add(new Problem(firstLine + line, "Liquid tag not supported: " + oneLine(m.group())));
                        out.append(marked(m.group(), fenced[line]));
                    }
                }
            } else {
                Optional<String> value = value(m.group(2), context);
                value.ifPresentOrElse(out::append, () -> {
                    problems.add(new Problem(firstLine + line, "Liquid value not supported: " + oneLine(m.group())));
                    out.append(marked(m.group(), fenced[line]));
                });
            }
        }
        out.append(body, at, body.length());
        return out.toString();
    }

    private static Optional<String> value(String expression, Context context) {
        SiteConfig site = context.site();
        return switch (expression) {
            case "site.baseurl", "site.url" -> Optional.of("");
            case "site.title" -> Optional.of(site.title());
            case "site.description" -> Optional.ofNullable(site.description());
            case "page.title" -> Optional.ofNullable(context.pageTitle());
            default -> {
                Matcher url = QUOTED_URL.matcher(expression);
                yield url.matches() ? Optional.of(url.group(2)) : Optional.empty();
            }
        };
    }

    /** Visible in the page: inside a code block the tag is already shown as written. */
    private static String marked(String tag, boolean inFence) {
        if (inFence) {
            return tag;
        }
        return "<code class=\"liquid-unsupported\" title=\"이 사이트에서 지원하지 않는 Liquid 태그\">"
                + tag.replace("&", "&amp;").replace("<", "&lt;").replace("`", "&#96;") + "</code>";
    }

    private static String oneLine(String tag) {
        String flat = tag.replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 77) + "…" : flat;
    }

    /** 0-based line of {@code offset}. */
    private static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** For each 0-based line, whether it lies inside a fenced code block (its fences included). */
    private static boolean[] fencedLines(String text) {
        String[] lines = text.split("\n", -1);
        boolean[] fenced = new boolean[lines.length];
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FENCE.matcher(lines[i]);
            if (fence == null && m.find()) {
                fence = m.group(1);
                fenced[i] = true;
            } else if (fence != null) {
                fenced[i] = true;
                char mark = fence.charAt(0);
                if (lines[i].strip().startsWith(fence) && lines[i].strip().chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
            }
        }
        return fenced;
    }
}
