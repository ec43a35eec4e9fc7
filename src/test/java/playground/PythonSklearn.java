package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference: Debian's scikit-learn 1.2 under {@code /usr/bin/python3}. A test that needs it is skipped on a
 * machine without it, unless {@code CI} is set, where its absence fails the test.
 */
public final class PythonSklearn {
    private static final String PYTHON = "/usr/bin/python3";
    private static Boolean available;

    private PythonSklearn() {}

    public static void require() {
        if (available == null) available = exitCode(List.of(PYTHON, "-c", "import sklearn, numpy")) == 0;
        if (available) return;
        if (System.getenv("CI") != null) fail(PYTHON + " with scikit-learn is needed (CI is set)");
        Assumptions.abort(PYTHON + " has no scikit-learn here");
    }

    /** Runs {@code script} (Python source) with {@code args}, in the repository root; its stdout, or fails. */
    public static String run(String script, String... args) throws Exception {
        return runIn(null, script, args);
    }

    /** As {@link #run}, in {@code directory} (null: the repository root). */
    public static String runIn(Path directory, String script, String... args) throws Exception {
        require();
        Path file = Files.createTempFile("pg-sklearn", ".py");
        try {
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            if (directory != null) builder.directory(directory.toFile());
            // the scripts under src/test/resources/python/ may import one another
            builder.environment().put("PYTHONPATH", Path.of(PythonSklearn.class.getResource("/python").toURI()).toString());
            Process process = builder.start();
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("python did not finish within 180 s");
            }
            assertEquals(0, process.exitValue(), new String(err, StandardCharsets.UTF_8));
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A script from {@code src/test/resources/python/}. */
    public static String script(String name) throws Exception {
        try (var in = PythonSklearn.class.getResourceAsStream("/python/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
