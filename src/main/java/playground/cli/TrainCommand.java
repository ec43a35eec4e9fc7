package playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import playground.document.RunDocument;
import playground.document.InvalidConfigException;
import playground.document.RunSpec;
import playground.runs.DivergedException;
import playground.runs.Divergence;
import playground.runs.RunResult;
import playground.runs.Runner;

/**
 * {@code train FILE [--seed N]}: runs one document and prints the result JSON (RUN-CONFIG.md "Results") to stdout.
 * An invalid document prints {@code {"code","message","field"}} to stderr and exits 2; a diverged run exits 1.
 */
public final class TrainCommand {
    static final String USAGE = "사용법: java -jar playground.jar train FILE [--seed N]";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainCommand() {}

    /** Runs the command; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        Long seedOverride = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                try {
                    seedOverride = Long.parseLong(args[++i]);
                } catch (NumberFormatException e) {
                    return fail(err, "usage", "--seed에는 정수를 써야 합니다 (받은 값: " + args[i] + ")", "");
                }
                if (seedOverride < 0 || seedOverride > RunDocument.MAX_SEED) {
                    return fail(err, "usage", "--seed는 0 이상 " + RunDocument.MAX_SEED + " 이하여야 합니다 (받은 값: "
                            + seedOverride + ")", "");
                }
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                return fail(err, "usage", USAGE, "");
            }
        }
        if (file == null) return fail(err, "usage", USAGE, "");
        String json;
        try {
            json = read(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return fail(err, "io", "파일을 읽을 수 없습니다: " + file, "");
        }
        RunSpec spec = null;
        try {
            spec = RunSpec.parse(json);
            long seed = seedOverride != null ? seedOverride
                    : spec.seed() != null ? spec.seed() : new SecureRandom().nextLong() & RunDocument.MAX_SEED;
            RunResult result = Runner.run(spec, seed);
            out.println(JSON.writeValueAsString(result));
            return 0;
        } catch (InvalidConfigException e) {
            return fail(err, e.code(), e.getMessage(), e.field());
        } catch (DivergedException e) {
            // the socket's words: the likelier cure first (normalization when it is off)
            fail(err, e.code(), Divergence.message(spec, e.epoch()), Divergence.field(spec));
            return 1;
        } catch (IOException e) {
            return fail(err, "io", "결과를 쓸 수 없습니다", "");
        }
    }

    /** The file's text, refusing anything much bigger than a document may be. */
    private static String read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(RunDocument.MAX_DOCUMENT_BYTES + 1);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int fail(PrintStream err, String code, String message, String field) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("field", field);
        err.println(error.toString());
        return 2;
    }
}
