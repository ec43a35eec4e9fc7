package playground.server;

import io.javalin.http.Context;

/** RELIABILITY.md §12: only our own scripts, no framing, no sniffing, no referrer to other sites. */
final class SecurityHeaders {
    /** style-src allows inline styles only because KaTeX positions glyphs with style attributes. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {}

    static void add(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", REFERRER_POLICY);
        ctx.header("X-Frame-Options", "DENY");
    }
}
