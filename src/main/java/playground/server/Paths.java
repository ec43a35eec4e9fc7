package playground.server;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Request paths as browsers send them (percent-encoded UTF-8) and as the course names them. */
final class Paths {
    private Paths() {}

    /**
     * {@code /강의/첫 시간} → {@code /%EA%B0%95%EC%9D%98/%EC%B2%AB%20%EC%8B%9C%EA%B0%84}: what a browser requests,
     * with slashes kept, and with no {@code {}, {@code <} or {@code *} left for Javalin to read as a parameter.
     */
    static String encode(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (out.length() > 0 || path.startsWith("/")) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("%2D", "-").replace("%2E", ".").replace("%5F", "_").replace("%7E", "~")
                    .replace("*", "%2A"));
        }
        String encoded = out.toString();
        return encoded.startsWith("//") ? encoded.substring(1) : encoded;
    }

    static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
