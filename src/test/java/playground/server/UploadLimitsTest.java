package playground.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadLimitsTest {
    @Test
    void theEnvironmentOverridesEachLimit() {
        UploadLimits limits = UploadLimits.fromEnvironment(Map.of("PG_UPLOAD_MB", "0.5", "PG_UPLOAD_ROWS", "300",
                "PG_UPLOAD_COLUMNS", "8", "PG_UPLOADS_PER_BROWSER", "1", "PG_UPLOADS_PER_MINUTE", "4",
                "PG_UPLOAD_BUDGET_MB", "6", "PG_UPLOAD_MINUTES", "30"));
        assertEquals(new UploadLimits(512 << 10, 300, 8, 1, 4, 6L << 20, Duration.ofMinutes(30)), limits);
        assertEquals(UploadLimits.defaults(), UploadLimits.fromEnvironment(Map.of()));
    }

    @Test
    void aBrokenValueNamesItsVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UploadLimits.fromEnvironment(Map.of("PG_UPLOAD_ROWS", "many")));
        assertEquals("PG_UPLOAD_ROWS must be a whole number, was: many", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UploadLimits.fromEnvironment(Map.of("PG_UPLOAD_MINUTES", "0")));
    }
}
