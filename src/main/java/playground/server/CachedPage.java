package playground.server;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered page, kept as a static server keeps a file: its bytes, the same gzip-compressed once, and a strong
 * ETag from their digest (so a page that did not change keeps its tag across a reload or a restart). Sent with
 * {@code Cache-Control: no-cache} (the browser asks again each time and gets a 304 while the page is unchanged) and
 * {@code Vary: Accept-Encoding}. {@code HEAD} gets exactly the headers {@code GET} gets.
 * <p>Immutable; shared between threads.
 *
 * @param html the page's UTF-8 bytes
 * @param gzip the same, gzip-compressed
 * @param tag  the digest both ETags are made from (unquoted); the gzip form's is {@code tag-gzip}, since a strong
 *             ETag names one representation, byte for byte
 */
record CachedPage(byte[] html, byte[] gzip, String tag) {
    private static final int TAG_BYTES = 16;
    /** The charset in the header too, so the browser need not look for the {@code <meta charset>}. */
    static final String CONTENT_TYPE = ContentType.HTML + "; charset=utf-8";

    static CachedPage of(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new CachedPage(bytes, gzip(bytes), digest(bytes));
    }

    /** Bytes held in memory. */
    long size() {
        return html.length + gzip.length;
    }

    /** Answers the request: 304 if the browser holds this very representation, else the page, gzipped if accepted. */
    void send(Context ctx) {
        boolean gzipped = acceptsGzip(ctx.header(Header.ACCEPT_ENCODING));
        String etag = gzipped ? "\"" + tag + "-gzip\"" : "\"" + tag + "\"";
        ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
        // A response that sets the browser's cookie must stay out of shared caches (a school's proxy).
        ctx.header(Header.CACHE_CONTROL, ctx.res().containsHeader(Header.SET_COOKIE) ? "private, no-cache" : "no-cache");
        ctx.header(Header.ETAG, etag);
        ctx.disableCompression();
        if (matches(ctx.header(Header.IF_NONE_MATCH), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        byte[] body = gzipped ? gzip : html;
        ctx.contentType(CONTENT_TYPE);
        if (gzipped) {
            ctx.header(Header.CONTENT_ENCODING, "gzip");
        }
        ctx.header(Header.CONTENT_LENGTH, Integer.toString(body.length));
        ctx.result(body);
    }

    /**
     * Whether {@code Accept-Encoding} allows gzip: named ({@code gzip}, {@code x-gzip}) or through {@code *}, with a
     * q-value above 0; a named coding's q-value wins over the wildcard's.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        Double named = null;
        Double wildcard = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = quality(parts);
            } else if (coding.equals("*")) {
                wildcard = quality(parts);
            }
        }
        Double q = named != null ? named : wildcard;
        return q != null && q > 0;
    }

    /** The {@code q} parameter of one Accept-Encoding item (1 when absent, 0 when unreadable). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** {@code If-None-Match} holds {@code etag} or {@code *}; compared weakly, as RFC 9110 §13.1.2 says. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) return true;
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            { def.setLevel(Deflater.BEST_COMPRESSION); } // compressed once per version, so the smallest is worth it
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha, TAG_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
