package playground.server;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who is asking: the request's Origin (RELIABILITY 11), the browser cookie the per-browser limits count by (5) and
 * the client's address the per-address ceilings count by. The cookie is {@code id.signature}, signed with the
 * server's secret, so a cookie the server never issued counts for nothing. Behind a PaaS router the client address
 * is the one the router appended to {@code X-Forwarded-For}, trusted only when configured ({@code proxyHops}), since
 * anyone can send that header. Thread-safe.
 */
final class RequestGuard {
    static final String BROWSER_COOKIE = "pg_browser";
    private static final Pattern COOKIE = Pattern.compile("([0-9a-f]{32})\\.([A-Za-z0-9_-]{22})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> extraOrigins;
    private final SecretKeySpec key;
    private final int proxyHops;

    /**
     * @param extraOrigins origins besides the site's own allowed to open the socket, e.g. {@code https://a.b}
     * @param secret       signs the browser cookies; give every process of one site the same one
     *                     ({@code PG_COOKIE_SECRET}), or null for a random one (cookies then last one process)
     * @param proxyHops    proxies in front of the server that append to {@code X-Forwarded-For} (0: none trusted)
     */
    RequestGuard(Set<String> extraOrigins, String secret, int proxyHops) {
        this.extraOrigins = Set.copyOf(extraOrigins);
        byte[] keyBytes = secret == null || secret.isEmpty() ? randomBytes(32) : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(keyBytes, "HmacSHA256");
        this.proxyHops = proxyHops;
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

    /**
     * A request another site's page made (a form or a {@code text/plain} fetch needs no preflight): browsers name
     * their origin on every POST, and modern ones say {@code Sec-Fetch-Site}. Requests without either (curl,
     * scripts) are not a browser acting for someone else.
     */
    boolean crossSite(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(origin, ctx)) return true;
        return "cross-site".equals(ctx.header("Sec-Fetch-Site")) && origin == null;
    }

    /** The browser id of a cookie this server signed, or null (no cookie, a forged or stale one). */
    String browser(String cookie) {
        if (cookie == null) return null;
        var m = COOKIE.matcher(cookie);
        if (!m.matches()) return null;
        byte[] expected = sign(m.group(1)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII)) ? m.group(1) : null;
    }

    /** Who a request without a valid cookie is counted as: its client address, never its port. */
    String browserOrAddress(String cookie, String address) {
        String browser = browser(cookie);
        return browser != null ? browser : "addr:" + address;
    }

    /** Whom a request counts against: the signed browser cookie's id, else the client's address. */
    String caller(Context ctx) {
        return browserOrAddress(ctx.cookie(BROWSER_COOKIE), clientAddress(ctx));
    }

    /**
     * The client's address: the TCP peer's host, or, behind {@code proxyHops} trusted proxies, the entry the outermost
     * of them appended to {@code X-Forwarded-For} (entries before it are the client's own claims).
     */
    String clientAddress(SocketAddress peer, String forwardedFor) {
        String host = peer instanceof InetSocketAddress inet
                ? (inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString())
                : String.valueOf(peer);
        return clientAddress(host, forwardedFor);
    }

    /** As {@link #clientAddress(SocketAddress, String)}, from the peer's host as text (an HTTP request's). */
    String clientAddress(String peerHost, String forwardedFor) {
        if (proxyHops > 0 && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            int index = hops.length - proxyHops;
            if (index >= 0 && !hops[index].isBlank()) return hops[index].trim();
        }
        return peerHost;
    }

    String clientAddress(Context ctx) {
        return clientAddress(String.valueOf(ctx.req().getRemoteAddr()), ctx.header("X-Forwarded-For"));
    }

    /** Before-handler: gives a browser its identity on its first page (and a fresh one for a stale cookie). */
    void assignBrowserCookie(Context ctx) {
        if (!issuesCookie(ctx.path()) || browser(ctx.cookie(BROWSER_COOKIE)) != null) return;
        String id = HexFormat.of().formatHex(randomBytes(16));
        boolean https = "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.cookie(new Cookie(BROWSER_COOKIE, id + "." + sign(id), "/", 365 * 24 * 3600, https, true, null,
                SameSite.LAX));
    }

    /**
     * Pages and {@code /api/session} give the cookie; scripts, styles and webjars never do (a shared cache may keep a
     * year-long webjar with its headers and hand one browser's cookie to a whole school), nor does the API.
     */
    static boolean issuesCookie(String path) {
        if (path.equals("/api/session")) return true;
        return !(path.startsWith("/assets/") || path.startsWith("/webjars/") || path.startsWith("/api/")
                || path.startsWith("/ws/") || path.equals("/healthz"));
    }

    /** The signature of {@code id}: the first 16 bytes of its HMAC-SHA256, base64url. */
    String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(tag, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
