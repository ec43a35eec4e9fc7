package playground.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may use the trainer: the websocket's Origin (RELIABILITY 11) and the browser cookie the per-browser
 * limits count by (5). Thread-safe.
 */
final class RequestGuard {
    static final String BROWSER_COOKIE = "pg_browser";
    private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> extraOrigins;

    /** @param extraOrigins origins besides the site's own allowed to open the socket, e.g. {@code https://a.b} */
    RequestGuard(Set<String> extraOrigins) {
        this.extraOrigins = Set.copyOf(extraOrigins);
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
