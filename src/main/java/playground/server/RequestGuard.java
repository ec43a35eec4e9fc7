package playground.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import playground.runs.RunRefusedException;

/**
 * The checks every untrusted request passes before anything else looks at it: the document's size and
 * shape (RELIABILITY 1), the websocket's Origin (11), and the browser cookie the per-browser limits count by
 * (5). Thread-safe.
 */
final class RequestGuard {
    static final String BROWSER_COOKIE = "pg_browser";
    static final int MAX_DOCUMENT_BYTES = 16 * 1024;
    private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper reader;
    private final Set<String> extraOrigins;

    /** @param extraOrigins origins besides the site's own allowed to open the socket, e.g. {@code https://a.b} */
    RequestGuard(Set<String> extraOrigins) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16).maxStringLength(256).maxNumberLength(64).build())
                .build();
        this.reader = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        this.extraOrigins = Set.copyOf(extraOrigins);
    }

    /** Parses a run document or a socket message, within the size and nesting caps. */
    JsonNode readDocument(String text) throws RunRefusedException {
        if (text == null || text.isBlank()) {
            throw new RunRefusedException("invalid_config", "문서가 비어 있습니다: JSON 객체를 보내 주세요", null);
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DOCUMENT_BYTES) {
            throw new RunRefusedException("invalid_config", String.format(Locale.ROOT,
                    "문서가 너무 큽니다: %,d바이트 이하여야 합니다 (받은 크기: %,d바이트)", MAX_DOCUMENT_BYTES, bytes), null);
        }
        JsonNode node;
        try {
            node = reader.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new RunRefusedException("invalid_config",
                    "문서가 허용된 모양을 벗어났습니다: 중첩은 16단계, 문자열은 256자 이하여야 합니다", null);
        } catch (JsonProcessingException e) {
            throw new RunRefusedException("invalid_config", "JSON 문법 오류: " + e.getOriginalMessage()
                    .replaceAll("\\s+", " ").replaceAll("(.{0,160}).*", "$1")
                    + " (" + e.getLocation().getLineNr() + "번째 줄, " + e.getLocation().getColumnNr() + "번째 글자)",
                    null);
        }
        if (node == null || !node.isObject()) {
            throw new RunRefusedException("invalid_config", "문서는 JSON 객체({ … })여야 합니다", null);
        }
        return node;
    }

    /** True when {@code origin} names this very site (as the browser reached it) or an allowed extra. */
    boolean sameOrigin(String origin, Context ctx) {
        if (extraOrigins.contains(origin)) return true;
        String host = ctx.header("X-Forwarded-Host");
        if (host == null) host = ctx.header("Host");
        if (host == null) return false;
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim())
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The browser's cookie when it is well-formed, else the remote address (a script without cookies). */
    static String browserId(String cookie, String remoteAddress) {
        if (cookie != null && BROWSER_ID.matcher(cookie).matches()) return cookie;
        return "addr:" + remoteAddress;
    }

    /** Before-handler: gives a browser its identity on its first page. */
    void assignBrowserCookie(Context ctx) {
        String existing = ctx.cookie(BROWSER_COOKIE);
        if (existing != null && BROWSER_ID.matcher(existing).matches()) return;
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        ctx.cookie(new Cookie(BROWSER_COOKIE, HexFormat.of().formatHex(id), "/", 365 * 24 * 3600,
                false, true, null, SameSite.LAX));
    }
}
