package playground.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses paths such as {@code /../etc/passwd}, {@code /%2e%2e/}, {@code /a%00b}, bad UTF-8 ({@code %c0%ae}),
 * {@code <} or a backslash with a 400 before Javalin sees them, and by then the original URI may be gone (the error
 * request's URI is {@code /badMessage}). RELIABILITY.md §14 wants the same answer as any other missing page, so every
 * request Jetty rejects as malformed (every 400 it writes itself: a bad path is by far the commonest) gets the Korean
 * 404 page; every error page Jetty writes itself carries the security headers (§12). Errors Javalin produces never
 * come here.
 */
final class BadPathErrorHandler extends ErrorHandler {
    private final Supplier<String> notFoundPage;

    BadPathErrorHandler(Supplier<String> notFoundPage) {
        this.notFoundPage = notFoundPage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var headers = response.getHeaders();
        headers.put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
        headers.put("X-Frame-Options", "DENY");
        if (Integer.valueOf(400).equals(request.getAttribute(ERROR_STATUS))) {
            response.setStatus(404);
            headers.put("Content-Type", "text/html;charset=utf-8");
            response.write(true, ByteBuffer.wrap(notFoundPage.get().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
