package playground.markdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Checks the JSON inside a {@code ```playground} block. The server injects one backed by the run
 * document's validation, so this package never imports {@code playground.runs}.
 * Implementations must be safe to share between threads.
 */
@FunctionalInterface
public interface WidgetValidator {
    /** @return empty when {@code json} is acceptable, otherwise a Korean message for the lesson's author. */
    Optional<String> problem(String json);

    /** The default: the block must be one well-formed JSON object. */
    static WidgetValidator jsonSyntax() {
        ObjectMapper mapper = new ObjectMapper();
        return json -> {
            try {
                var node = mapper.readTree(json);
                if (node == null || !node.isObject()) {
                    return Optional.of("설정은 JSON 객체({ ... })여야 합니다.");
                }
                return Optional.empty();
            } catch (JsonProcessingException e) {
                return Optional.of("설정이 올바른 JSON이 아닙니다: " + e.getOriginalMessage());
            }
        };
    }
}
