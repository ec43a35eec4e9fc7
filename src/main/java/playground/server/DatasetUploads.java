package playground.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import playground.data.BadCsvException;
import playground.data.CsvText;
import playground.data.DatasetInfo;
import playground.data.Datasets;

/**
 * Students' own CSVs: {@code POST /api/datasets} reads one into a data set named {@code upload-…} that only the
 * browser that sent it may list ({@code GET /api/datasets/uploads}), train on or download, until it expires or is
 * deleted ({@code DELETE /api/datasets/{name}}). Uploads live in memory only, under a total budget; each browser
 * holds a few and sends a few a minute. Thread-safe.
 */
final class DatasetUploads {
    private static final String PREFIX = Datasets.UPLOAD_PREFIX;
    private static final String SOURCE = "uploads";
    private static final int MIN_ROWS = 10;
    private static final int MAX_TITLE = 80;
    private static final Set<String> TASKS = Set.of(DatasetInfo.REGRESSION, DatasetInfo.BINARY, DatasetInfo.MULTICLASS);
    /** Excel's "CSV" on a Korean Windows: tried when the bytes are not UTF-8. */
    private static final Charset KOREAN_WINDOWS = Charset.forName("x-windows-949");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** An oversized body up to this many times the cap is read to its end, so the client hears the 413. */
    private static final long DRAIN_FACTOR = 8;

    /** The answer to an upload (201) and each entry of the browser's list. */
    record Uploaded(String name, String title, int rows, List<String> features, String target, String task,
                    List<String> classes, int train_rows, int test_rows, long expires_in_seconds) {}

    private record Held(String owner, long bytes, long expiresAt, Uploaded answer) {}

    private final UploadLimits limits;
    private final RequestGuard guard;
    private final Clock clock;
    /** Oldest first. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final BrowserLimits.Window sends;
    private long heldBytes;

    DatasetUploads(UploadLimits limits, RequestGuard guard, Clock clock) {
        this.limits = limits;
        this.guard = guard;
        this.clock = clock;
        this.sends = new BrowserLimits.Window(limits.perMinute());
    }

    void addRoutes(RoutesConfig routes) {
        routes.post("/api/datasets", this::upload);
        routes.get("/api/datasets/uploads", ctx -> ctx.json(list(caller(ctx))));
        routes.delete("/api/datasets/{name}", this::delete);
    }

    /**
     * Whether {@code owner} may use data set {@code name}: any set that is not an upload; an upload only for the
     * browser that sent it, and only until it expires.
     */
    synchronized boolean mayUse(String name, String owner) {
        if (name == null || !name.startsWith(PREFIX)) return true;
        sweep();
        Held h = held.get(name);
        return h != null && h.owner.equals(owner);
    }

    /** Estimated heap the held uploads fill. */
    synchronized long heldBytes() {
        sweep();
        return heldBytes;
    }

    /** Drops every expired upload; the timer calls it too, so memory goes back without any request. */
    synchronized void sweep() {
        long now = clock.millis();
        for (Iterator<Map.Entry<String, Held>> it = held.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Held> e = it.next();
            if (e.getValue().expiresAt <= now) {
                forget(e.getKey(), e.getValue());
                it.remove();
            }
        }
    }

    /** Forgets every upload (the server stops). */
    synchronized void close() {
        held.forEach(this::forget);
        held.clear();
    }

    private void upload(Context ctx) {
        String owner = caller(ctx);
        long declared = ctx.req().getContentLengthLong();
        byte[] body;
        long size;
        try {
            InputStream in = ctx.req().getInputStream();  // Jetty's: it ends the request, not this handler
            // Past the drain limit the connection is simply closed; below it the rest of an oversized body is read
            // and dropped, since a browser still sending sees a reset instead of the 413 it could show.
            if (declared > DRAIN_FACTOR * limits.maxBytes()) {
                tooLarge(ctx, declared);
                return;
            }
            body = in.readNBytes(limits.maxBytes() + 1);  // never more than the cap is held
            size = body.length > limits.maxBytes() ? body.length + drain(in, DRAIN_FACTOR * limits.maxBytes()) : body.length;
        } catch (IOException e) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "invalid_csv", "CSV를 끝까지 받지 못했습니다. 다시 올려 주세요.", null);
            return;
        }
        if (size > limits.maxBytes()) {
            tooLarge(ctx, size);
            return;
        }
        synchronized (this) {
            if (!sends.tryAdd(owner, clock.millis())) {
                refuse(ctx, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", String.format(
                        "1분에 %d번까지 CSV를 올릴 수 있습니다. 잠시 뒤에 다시 올려 주세요.", limits.perMinute()), null);
                return;
            }
        }
        String task = ctx.queryParam("task");
        if (task != null && !TASKS.contains(task)) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "invalid_csv",
                    "task는 regression, binary, multiclass 가운데 하나여야 합니다 (받은 값: " + task + ")", "task");
            return;
        }
        String title = ctx.queryParam("title");
        title = title == null || title.isBlank() ? "올린 CSV" : title.strip();
        if (title.length() > MAX_TITLE) title = title.substring(0, MAX_TITLE);
        try {
            CsvText.Table table = CsvText.parse(text(body), new CsvText.Rules(ctx.queryParam("target"), task,
                    MIN_ROWS, limits.maxRows(), limits.maxColumns()));
            Uploaded answer = hold(owner, title, table);
            if (answer == null) {
                refuse(ctx, HttpStatus.SERVICE_UNAVAILABLE, "busy", "지금은 올린 데이터가 서버에 가득 찼습니다. "
                        + "잠시 뒤에 다시 올리거나, 행이나 열을 줄여 주세요.", null);
                return;
            }
            ctx.status(HttpStatus.CREATED).json(answer);
        } catch (BadCsvException e) {
            refuse(ctx, HttpStatus.BAD_REQUEST, "invalid_csv", e.getMessage(),
                    e.getMessage().startsWith("목표 열 '") ? "target" : null);
        }
    }

    /**
     * Registers the table for {@code owner}: its oldest upload goes when it holds its share; null when the uploads
     * of everyone together would pass the budget.
     */
    private synchronized Uploaded hold(String owner, String title, CsvText.Table table) throws BadCsvException {
        sweep();
        long bytes = bytes(table);
        List<String> own = held.entrySet().stream().filter(e -> e.getValue().owner.equals(owner))
                .map(Map.Entry::getKey).toList();
        long freed = own.size() >= limits.perBrowser() ? held.get(own.get(0)).bytes : 0;
        if (heldBytes - freed + bytes > limits.budgetBytes()) return null;
        if (freed > 0) forget(own.get(0), held.remove(own.get(0)));
        String name = PREFIX + HexFormat.of().formatHex(randomBytes());
        String description = String.format(Locale.ROOT, "직접 올린 CSV: %d행, 특성 %d개(%s)로 '%s'을(를) 예측합니다.",
                table.samples().rows(), table.features().size(), String.join(", ", table.features()), table.target());
        DatasetInfo info = Datasets.add(name, title, description, table, 0.2, Datasets.DATA_SEED, SOURCE, owner);
        Uploaded answer = new Uploaded(name, title, table.samples().rows(), table.features(), table.target(),
                table.task(), table.classes(), info.train_rows(), info.test_rows(), limits.lifetime().toSeconds());
        held.put(name, new Held(owner, bytes, clock.millis() + limits.lifetime().toMillis(), answer));
        heldBytes += bytes;
        return answer;
    }

    private synchronized List<Uploaded> list(String owner) {
        sweep();
        long now = clock.millis();
        List<Uploaded> mine = new ArrayList<>();
        held.forEach((name, h) -> {
            if (h.owner.equals(owner)) {
                Uploaded a = h.answer;
                mine.add(new Uploaded(a.name(), a.title(), a.rows(), a.features(), a.target(), a.task(), a.classes(),
                        a.train_rows(), a.test_rows(), (h.expiresAt - now) / 1000));
            }
        });
        return mine;
    }

    private void delete(Context ctx) {
        String name = ctx.pathParam("name");
        synchronized (this) {
            if (name.startsWith(PREFIX) && mayUse(name, caller(ctx))) {
                forget(name, held.remove(name));
                ctx.status(HttpStatus.NO_CONTENT);
                return;
            }
        }
        refuse(ctx, HttpStatus.NOT_FOUND, "not_found", "이 브라우저가 올린 데이터셋 가운데 " + name + "이(가) 없습니다.", null);
    }

    private void forget(String name, Held h) {
        Datasets.remove(name);
        heldBytes -= h.bytes;
    }

    /** The split tables' doubles (the whole table, then train and test) and a little for names and bookkeeping. */
    private static long bytes(CsvText.Table table) {
        long cells = (long) table.samples().rows() * (table.samples().features() + 1);
        long names = table.features().stream().mapToLong(f -> 48 + 2L * f.length()).sum();
        return 2 * 8 * cells + names + 4096;
    }

    /** UTF-8 (a BOM is dropped by the parser); else Korean Windows' code page, as Excel saves "CSV". */
    private static String text(byte[] body) throws BadCsvException {
        for (Charset charset : List.of(StandardCharsets.UTF_8, KOREAN_WINDOWS)) {
            try {
                return charset.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException notThisOne) {
                // try the next
            }
        }
        throw new BadCsvException("UTF-8 글자가 아닙니다. 엑셀에서는 'CSV UTF-8(쉼표로 분리)'로 저장해 올려 주세요");
    }

    /** Reads and drops at most {@code limit} more bytes; returns how many were read. */
    private static long drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 << 10];
        long read = 0;
        for (int n; read < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read))) > 0; ) read += n;
        return read;
    }

    private void tooLarge(Context ctx, long bytes) {
        refuse(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", String.format(Locale.ROOT,
                "CSV 파일은 %.0f MB까지 올릴 수 있습니다 (받은 크기: %.1f MB). 행이나 열을 줄여 주세요.",
                limits.maxBytes() / 1048576.0, bytes / 1048576.0), null);
    }

    private static void refuse(Context ctx, HttpStatus status, String code, String message, String field) {
        ctx.status(status).json(new Events.Error(code, message, field));
    }

    private String caller(Context ctx) {
        return guard.caller(ctx);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
