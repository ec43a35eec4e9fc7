package playground.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses paths such as {@code /../etc/passwd}, {@code /%2e%2e/} or {@code /a%00b} with a 400 before Javalin
 * sees them, and by then the original URI is gone (the error request's URI is {@code /badMessage}).
 * RELIABILITY.md §14 wants the same answer as any other missing page, so every request Jetty rejects as
 * malformed gets the Korean 404 page, with the security headers. Errors Javalin produces never come here.
 */
final class BadPathErrorHandler extends ErrorHandler {
    private final Supplier<String> notFoundPage;

    BadPathErrorHandler(Supplier<String> notFoundPage) {
        this.notFoundPage = notFoundPage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (Integer.valueOf(400).equals(request.getAttribute(ERROR_STATUS)) && malformed(request)) {
            response.setStatus(404);
            response.getHeaders().put("Content-Type", "text/html;charset=utf-8");
            response.getHeaders().put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
            response.getHeaders().put("X-Frame-Options", "DENY");
            response.write(true, ByteBuffer.wrap(notFoundPage.get().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static boolean malformed(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        return path == null || path.equals("/badMessage") || path.contains("..") || path.toLowerCase(Locale.ROOT).contains("%2e");
    }
}
