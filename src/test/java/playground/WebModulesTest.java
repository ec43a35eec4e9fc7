package playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The browser's pure modules (widget-state, compare-spec, vocabulary) under {@code node --test web/test/}, so
 * {@code mvn test} runs them. Node is Debian's {@code nodejs}; without it the test is skipped, unless the
 * environment variable {@code CI} is set, in which case it fails (as {@link Browser} does for Chromium).
 */
class WebModulesTest {
    private static final Path TESTS = Path.of("web", "test");

    @Test
    void nodeTestPassesEveryModuleTest() throws IOException, InterruptedException {
        String node = node();
        List<String> command = new ArrayList<>(List.of(node, "--test"));
        try (Stream<Path> files = Files.list(TESTS)) {
            files.map(Path::toString).filter(name -> name.endsWith(".test.js")).sorted().forEach(command::add);
        }
        assertFalse(command.size() == 2, "no *.test.js in " + TESTS);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            Assertions.fail("node --test did not finish within 2 minutes:\n" + output);
        }
        assertEquals(0, process.exitValue(), output);
    }

    /** The first node on the PATH; skips (or, with CI set, fails) when there is none. */
    private static String node() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String message = "the browser modules' tests need node (Debian's nodejs)";
        if (System.getenv("CI") != null) {
            Assertions.fail(message + " (CI is set, so this is a failure, not a skip)");
        }
        Assumptions.assumeTrue(false, message);
        return null;
    }
}
