package playground.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Browser cookies for the load commands and the tests: the server only counts cookies it signed, so each named
 * browser ("alice", "student-0007") loads {@code /api/session} once, as a page load would, and keeps what it was given.
 * Thread-safe.
 */
public final class Sessions {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SET_COOKIE = Pattern.compile("pg_browser=([^;]+)");
    private static final Map<String, String> COOKIES = new ConcurrentHashMap<>();

    private Sessions() {}

    /** The signed {@code pg_browser} value the server on {@code port} gave the browser called {@code name}. */
    public static String cookie(int port, String name) {
        return COOKIES.computeIfAbsent(port + "/" + name, key -> fetch(port));
    }

    /** A new cookie from the server on {@code port}, as a fresh browser gets on its first page. */
    public static String fetch(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/session")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
            String header = response.headers().firstValue("Set-Cookie").orElseThrow(
                    () -> new IllegalStateException("no Set-Cookie from /api/session"));
            Matcher m = SET_COOKIE.matcher(header);
            if (!m.find()) throw new IllegalStateException("no pg_browser cookie in " + header);
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
