package playground.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The browser's files: {@code /assets/…} from {@code web/} and {@code /webjars/…} (KaTeX, Prism, Chart.js), each
 * compressed once and kept in memory (Javalin's precompression), so {@code GET} and {@code HEAD} both carry the
 * length and encoding, with Jetty's ETag. {@code /assets} paths carry no version, so the browser revalidates
 * them ({@code no-cache}, then 304 while unchanged); a webjar's path names its version, so it is kept a year.
 */
final class StaticFiles {
    /**
     * Javalin answers 404 for a file above this rather than serve it uncompressed; the largest file in our webjars
     * is a 1 MB source map. Files are cached only once asked for, by path and encoding (the two folders hold no
     * path in common: {@code css/}, {@code js/} against the webjars' names).
     */
    static final int MAX_FILE_BYTES = 4 << 20;
    static final String ASSETS_CACHE = "no-cache";
    static final String WEBJARS_CACHE = "public, max-age=31536000, immutable";

    private StaticFiles() {}

    static void addTo(JavalinConfig javalin) {
        add(javalin, "/assets", "/web", ASSETS_CACHE);
        add(javalin, "/webjars", "META-INF/resources/webjars", WEBJARS_CACHE);
    }

    private static void add(JavalinConfig javalin, String hostedPath, String directory, String cacheControl) {
        javalin.staticFiles.add(files -> {
            files.hostedPath = hostedPath;
            files.directory = directory;
            files.location = Location.CLASSPATH;
            files.precompressMaxSize = MAX_FILE_BYTES;
            files.headers = Map.of(Header.CACHE_CONTROL, cacheControl, Header.VARY, Header.ACCEPT_ENCODING);
        });
    }
}
