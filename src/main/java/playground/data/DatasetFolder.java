package playground.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A course folder's own data sets: every {@code datasets/NAME.csv} becomes data set {@code NAME} (see
 * {@link CsvText} for what the file may hold), described by an optional {@code datasets/NAME.yml} with
 * {@code title}, {@code description}, {@code target} (a column name; default the last column), {@code task}
 * ({@code regression}, {@code binary}, {@code multiclass}; default inferred), {@code test_size} (a fraction, or a
 * number of rows as scikit-learn takes it; default 0.2) and {@code random_state} (the split's seed). Read again on
 * every {@link #reload}; a file that no longer reads keeps the set as it was last read.
 * <p>One thread reloads (the course watcher); {@link Datasets} serves the sets to any.
 */
public final class DatasetFolder {
    public static final String FOLDER = "datasets";
    static final int MIN_ROWS = 10;
    private static final CsvText.Rules LIMITS = new CsvText.Rules(null, null, MIN_ROWS, 100_000, 1_000);
    private static final Set<String> KEYS = Set.of("title", "description", "target", "task", "test_size", "random_state");
    private static final Set<String> TASKS = Set.of(DatasetInfo.REGRESSION, DatasetInfo.BINARY, DatasetInfo.MULTICLASS);

    private final Path folder;
    private final String source;

    /** The sets of {@code contentDir}/datasets; nothing is read before {@link #reload}. */
    public DatasetFolder(Path contentDir) {
        this.folder = contentDir.toAbsolutePath().normalize().resolve(FOLDER);
        this.source = "course:" + folder;
    }

    /**
     * Reads the folder again: new and changed files are added, deleted ones removed, broken ones kept as they were.
     *
     * @return what could not be followed, one line each, starting with the file ({@code datasets/a.csv: 4행 …})
     */
    public synchronized List<String> reload() {
        List<String> problems = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Path csv : csvFiles(problems)) {
            String file = csv.getFileName().toString();
            String name = file.substring(0, file.length() - 4);
            String shown = FOLDER + "/" + file;
            if (!Datasets.ADDED_NAME.matcher(name).matches() || name.startsWith(Datasets.UPLOAD_PREFIX)
                    || (Datasets.info(name).isPresent() && !Datasets.addedBy(source).contains(name))) {
                problems.add(shown + ": the name must be letters, digits, _ or - (not upload-…) and not a bundled"
                        + " set's; skipped (a Korean title goes in " + name + ".yml)");
                continue;
            }
            present.add(name);
            try {
                add(name, csv);
            } catch (BadCsvException | IOException | RuntimeException e) {
                boolean kept = Datasets.addedBy(source).contains(name);
                problems.add(shown + ": " + e.getMessage() + (kept ? "; the version read before is kept" : "; skipped"));
            }
        }
        for (String name : Datasets.addedBy(source)) if (!present.contains(name)) Datasets.remove(name);
        return problems;
    }

    /** Who the sets are added as, for {@link Datasets#addedBy}. */
    public String source() {
        return source;
    }

    /** Removes every set this folder added. */
    public synchronized void close() {
        Datasets.addedBy(source).forEach(Datasets::remove);
    }

    private List<Path> csvFiles(List<String> problems) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(FOLDER + ": cannot be listed (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private void add(String name, Path csv) throws BadCsvException, IOException {
        Map<String, Object> meta = meta(csv.resolveSibling(name + ".yml"));
        String task = text(meta, "task");
        if (task != null && !TASKS.contains(task)) {
            throw new BadCsvException(name + ".yml: task는 regression, binary, multiclass 가운데 하나여야 합니다 (받은 값: "
                    + task + ")");
        }
        CsvText.Table table = CsvText.parse(utf8(csv), new CsvText.Rules(text(meta, "target"), task,
                LIMITS.minRows(), LIMITS.maxRows(), LIMITS.maxColumns()));
        double testFraction = testFraction(meta.get("test_size"), table.samples().rows(), name);
        Object seed = meta.getOrDefault("random_state", Datasets.DATA_SEED);
        if (!(seed instanceof Number n) || n.longValue() != n.doubleValue()) {
            throw new BadCsvException(name + ".yml: random_state는 정수여야 합니다 (받은 값: " + seed + ")");
        }
        String title = text(meta, "title");
        String description = text(meta, "description");
        Datasets.add(name, title != null ? title : name, description != null ? description
                : String.format("강의 폴더의 %s/%s.csv: %d행, 특성 %d개로 '%s'을(를) 예측합니다.", FOLDER, name,
                table.samples().rows(), table.features().size(), table.target()),
                table, testFraction, n.longValue(), source, null);
    }

    /** {@code test_size} as scikit-learn reads it: a fraction in (0, 1), or a whole number of rows. */
    private static double testFraction(Object value, int rows, String name) throws BadCsvException {
        if (value == null) return HoldOut.TEST_FRACTION;
        if (value instanceof Integer || value instanceof Long) {
            long count = ((Number) value).longValue();
            if (count >= 1 && count < rows) return (double) count / rows;
        } else if (value instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 1) {
            return n.doubleValue();
        }
        throw new BadCsvException(name + ".yml: test_size는 0과 1 사이의 비율이나 " + rows
                + "보다 작은 행 수여야 합니다 (받은 값: " + value + ")");
    }

    private static Map<String, Object> meta(Path yml) throws BadCsvException, IOException {
        if (!Files.isRegularFile(yml)) return Map.of();
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(utf8(yml));
        } catch (RuntimeException e) {
            throw new BadCsvException(yml.getFileName() + ": 올바른 YAML이 아닙니다 ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (loaded == null) return Map.of();
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new BadCsvException(yml.getFileName() + ": 'title: …' 같은 키와 값이어야 합니다");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new BadCsvException(yml.getFileName() + ": 모르는 키 '" + key + "'입니다. 쓸 수 있는 키: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) map;
        return meta;
    }

    private static String text(Map<String, Object> meta, String key) throws BadCsvException {
        Object value = meta.get(key);
        if (value == null) return null;
        if (value instanceof Map || value instanceof List) {
            throw new BadCsvException(key + "는 글자여야 합니다 (받은 값: " + value + ")");
        }
        return String.valueOf(value).strip();
    }

    private static String utf8(Path file) throws BadCsvException, IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadCsvException(file.getFileName() + ": UTF-8 글자가 아닙니다. 엑셀에서는 'CSV UTF-8'로 저장하세요");
        }
    }
}
