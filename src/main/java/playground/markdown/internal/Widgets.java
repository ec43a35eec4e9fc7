package playground.markdown.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import playground.markdown.WidgetValidator;

/**
 * Turns {@code ```playground title="노트의 보스턴 모델" hide="seed,shuffle" lock="dataset"} fenced blocks into
 * {@link WidgetBlock}s, checking the JSON with the injected {@link WidgetValidator}.
 */
public final class Widgets {
    private static final Pattern OPTION = Pattern.compile("([A-Za-z_]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> KEYS = Set.of("title", "hide", "lock", "view");
    private static final Set<String> VIEWS = Set.of("loss", "boundary");

    private Widgets() {}

    /**
     * @param valid    how many blocks passed validation
     * @param problems one message per bad block (each is also shown in the page as an error box)
     */
    public record Result(int valid, List<String> problems) {}

    public static Result apply(Node document, WidgetValidator validator) {
        List<FencedCodeBlock> blocks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                String info = block.getInfo() == null ? "" : block.getInfo().strip();
                if (info.equals("playground") || info.startsWith("playground ")) {
                    blocks.add(block);
                }
            }
        });
        List<String> problems = new ArrayList<>();
        int valid = 0;
        for (FencedCodeBlock block : blocks) {
            String json = block.getLiteral().stripTrailing();
            Map<String, String> options = new LinkedHashMap<>();
            String problem = parseOptions(block.getInfo().strip().substring("playground".length()), options)
                    .or(() -> validator.problem(json)).orElse(null);
            if (problem != null) {
                problems.add(problem);
            } else {
                valid++;
            }
            block.insertBefore(new WidgetBlock(json, options, problem));
            block.unlink();
        }
        return new Result(valid, problems);
    }

    private static Optional<String> parseOptions(String info, Map<String, String> options) {
        Matcher m = OPTION.matcher(info);
        int end = 0;
        while (m.find()) {
            if (!info.substring(end, m.start()).isBlank()) {
                break;
            }
            end = m.end();
            if (!KEYS.contains(m.group(1))) {
                return Optional.of("알 수 없는 옵션 '" + m.group(1) + "' (쓸 수 있는 것: title, hide, lock, view)");
            }
            options.put(m.group(1), m.group(2));
        }
        if (!info.substring(end).isBlank()) {
            return Optional.of("옵션은 key=\"value\" 꼴이어야 합니다: " + info.strip());
        }
        String view = options.getOrDefault("view", "loss");
        if (!VIEWS.contains(view)) {
            return Optional.of("view는 loss 또는 boundary여야 합니다 (받은 값: " + view + ")");
        }
        return Optional.empty();
    }
}
