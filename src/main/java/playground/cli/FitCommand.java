package playground.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import playground.sklearn.FitListener;
import playground.sklearn.FitRun;
import playground.sklearn.InvalidParamException;

/**
 * {@code fit FILE [--seed N] [--repeat N]}: fits one scikit-learn run document and prints the result JSON on one line.
 * {@code --repeat} fits it N times in this JVM and reports the fastest {@code fit_seconds} and {@code predict_seconds}, so a timing beside
 * scikit-learn's is not the JIT's first pass. A bad document prints {@code {"code":"invalid_config","message","field"}}
 * to stderr and exits 2.
 */
public final class FitCommand {
    static final String USAGE = "사용법: java -jar playground.jar fit FILE [--seed N] [--repeat N]";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DOCUMENT_BYTES = 1 << 20;

    private FitCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        Long seed = null;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed") && i + 1 < args.length) {
                try {
                    seed = Long.parseLong(args[++i]) & 0xFFFFFFFFL;
                } catch (NumberFormatException e) {
                    return fail(err, "usage", "--seed에는 정수를 써야 합니다 (받은 값: " + args[i] + ")", "");
                }
            } else if (args[i].equals("--repeat") && i + 1 < args.length) {
                try {
                    repeat = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    repeat = 0;
                }
                if (repeat < 1 || repeat > 1000) return fail(err, "usage", "--repeat는 1 이상 1000 이하의 정수여야 합니다", "");
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                return fail(err, "usage", USAGE, "");
            }
        }
        if (file == null) return fail(err, "usage", USAGE, "");
        Map<String, Object> document;
        try {
            byte[] bytes = Files.readAllBytes(Path.of(file));
            if (bytes.length > MAX_DOCUMENT_BYTES) return fail(err, "invalid_config", "문서가 너무 큽니다", "");
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(bytes, Map.class);
            document = parsed;
        } catch (IOException | RuntimeException e) {
            return fail(err, "invalid_config", "파일을 JSON으로 읽을 수 없습니다: " + file, "");
        }
        if (seed == null) {
            seed = document.get("seed") instanceof Number n ? n.longValue() & 0xFFFFFFFFL
                    : new SecureRandom().nextLong() & 0xFFFFFFFFL;
        }
        try {
            Map<String, Object> result = FitRun.run(document, seed, FitListener.NONE);
            for (int i = 1; i < repeat; i++) {
                Map<String, Object> again = FitRun.run(document, seed, FitListener.NONE);
                for (String timing : new String[] {"fit_seconds", "predict_seconds"}) {
                    if (again.get(timing) instanceof Double t) result.put(timing, Math.min(t, (Double) result.get(timing)));
                }
            }
            result.put("seed", seed);
            out.println(JSON.writeValueAsString(result));
            return 0;
        } catch (InvalidParamException e) {
            return fail(err, "invalid_config", e.getMessage(), e.field());
        } catch (IOException e) {
            return fail(err, "io", "결과를 쓸 수 없습니다", "");
        } catch (ClassCastException e) {
            return fail(err, "invalid_config", "model.estimator는 문자열이어야 합니다", "model.estimator");
        }
    }

    private static int fail(PrintStream err, String code, String message, String field) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        error.put("field", field);
        err.println(error);
        return 2;
    }
}
