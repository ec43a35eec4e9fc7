package playground.markdown.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;

/**
 * Turns fenced blocks whose info string is {@code activations} into {@link ActivationsBlock}s:
 * <pre>{@code
 * ```activations
 * sigmoid, tanh, relu
 * ```
 * }</pre>
 * The body is an optional comma-separated list of Keras activation names; an empty body shows all of
 * {@link #FORMULAS}. On GitHub or in Jekyll the block still reads as a code block.
 */
public final class Activations {
    /** The functions the explorer knows, in its default order, each with the formula its fallback shows. */
    public static final Map<String, String> FORMULAS = formulas();

    private Activations() {}

    private static Map<String, String> formulas() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("sigmoid", "sigmoid(x) = 1 / (1 + e^(-x))");
        f.put("tanh", "tanh(x) = (e^x - e^(-x)) / (e^x + e^(-x))");
        f.put("relu", "relu(x) = max(0, x)");
        f.put("leaky_relu", "leaky_relu(x) = x (x > 0), εx (x ≤ 0), ε = 0.01");
        f.put("elu", "elu(x) = x (x > 0), α(e^x - 1) (x ≤ 0), α = 1.0");
        f.put("softmax", "softmax(z)_i = e^(z_i) / Σ_j e^(z_j)");
        return Collections.unmodifiableMap(f);
    }

    /**
     * @param count    how many blocks are valid
     * @param problems one message per bad block (each is also shown in the page as an error box)
     */
    public record Result(int count, List<String> problems) {}

    public static Result apply(Node document) {
        List<FencedCodeBlock> blocks = FencedBlocks.named(document, "activations");
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (FencedCodeBlock block : blocks) {
            List<String> functions = new ArrayList<>();
            String problem = parse(block.getInfo().strip().substring("activations".length()), block.getLiteral(),
                    functions);
            if (problem != null) {
                problems.add(problem);
            } else {
                count++;
            }
            block.insertBefore(new ActivationsBlock(functions, problem));
            block.unlink();
        }
        return new Result(count, problems);
    }

    /** Fills {@code functions}; returns null, or a Korean message naming the broken rule and the value. */
    private static String parse(String options, String body, List<String> functions) {
        if (!options.isBlank()) {
            return "activations 블록에는 옵션이 없습니다 (받은 값: " + options.strip() + ")";
        }
        if (body.isBlank()) {
            functions.addAll(FORMULAS.keySet());
            return null;
        }
        for (String part : body.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                return "함수 이름이 비어 있습니다: 쉼표로 구분한 이름을 쓰세요 (받은 값: " + body.strip() + ")";
            }
            if (!FORMULAS.containsKey(name)) {
                return "알 수 없는 활성화 함수 '" + name + "' (쓸 수 있는 것: " + String.join(", ", FORMULAS.keySet())
                        + ")";
            }
            if (functions.contains(name)) {
                return "같은 활성화 함수가 두 번 나옵니다: " + name;
            }
            functions.add(name);
        }
        return null;
    }
}
