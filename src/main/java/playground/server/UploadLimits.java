package playground.server;

import java.time.Duration;
import java.util.Map;
import playground.runs.RunLimits;

/**
 * What students may upload ({@code POST /api/datasets}), each overridable through the environment (README lists
 * them). Immutable.
 *
 * @param maxBytes    largest CSV body; a larger one answers 413
 * @param maxRows     data rows of one CSV
 * @param maxColumns  columns of one CSV, the target included
 * @param perBrowser  uploads one browser holds at once; a further one replaces its oldest
 * @param perMinute   uploads one browser may send per minute (parsing 2 MB is work)
 * @param budgetBytes estimated heap all held uploads may fill together; past it an upload answers 503
 * @param lifetime    how long an upload is kept after it was sent
 */
public record UploadLimits(int maxBytes, int maxRows, int maxColumns, int perBrowser, int perMinute,
                           long budgetBytes, Duration lifetime) {
    public UploadLimits {
        if (maxBytes < 1 || maxRows < 1 || maxColumns < 2 || perBrowser < 1 || perMinute < 1 || budgetBytes < 1
                || lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("upload limits out of range: " + maxBytes + ", " + maxRows + ", "
                    + maxColumns + ", " + perBrowser + ", " + perMinute + ", " + budgetBytes + ", " + lifetime);
        }
    }

    public static UploadLimits defaults() {
        // 10,000 × 100 cells are 16 MB as the split tables hold them, so the budget keeps a few of the largest; on a
        // small heap an eighth of it, beside the half the runs are admitted to (RunLimits.heapFraction)
        long budget = Math.min(48L << 20, Runtime.getRuntime().maxMemory() / 8);
        return new UploadLimits(2 << 20, 10_000, 100, 3, 10, budget, Duration.ofHours(2));
    }

    /** Defaults overridden by {@code PG_UPLOAD_MB}, {@code PG_UPLOAD_ROWS}, … (see README). */
    public static UploadLimits fromEnvironment(Map<String, String> env) {
        RunLimits.Env e = new RunLimits.Env(env);
        UploadLimits d = defaults();
        return new UploadLimits((int) (e.number("PG_UPLOAD_MB", d.maxBytes / (double) (1 << 20)) * (1 << 20)),
                e.integer("PG_UPLOAD_ROWS", d.maxRows), e.integer("PG_UPLOAD_COLUMNS", d.maxColumns),
                e.integer("PG_UPLOADS_PER_BROWSER", d.perBrowser), e.integer("PG_UPLOADS_PER_MINUTE", d.perMinute),
                (long) (e.number("PG_UPLOAD_BUDGET_MB", d.budgetBytes >> 20) * (1 << 20)),
                Duration.ofMinutes(e.integer("PG_UPLOAD_MINUTES", (int) d.lifetime.toMinutes())));
    }

    public UploadLimits withBudget(long bytes) {
        return new UploadLimits(maxBytes, maxRows, maxColumns, perBrowser, perMinute, bytes, lifetime);
    }

    public UploadLimits withPerBrowser(int uploads, int perMinute) {
        return new UploadLimits(maxBytes, maxRows, maxColumns, uploads, perMinute, budgetBytes, lifetime);
    }
}
