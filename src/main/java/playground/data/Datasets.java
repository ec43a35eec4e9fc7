package playground.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of data sets: the bundled tables (with their fixed splits) and the generated 2-D sets.
 *
 * <p>Every split is fixed: {@code boston_housing} is Keras's own 404 / 102 split, the other tables a seeded,
 * stratified 80/20 split, and the generated sets are drawn from a fixed seed for given {@code samples} and
 * {@code noise}, so every student sees the same points and only the run's seed changes the training. Bundled tables
 * are read once and cached; the returned arrays are shared and must not be modified. Safe to use from any thread.
 *
 * <p>Beside them, sets are {@linkplain #add added} while the server runs: the tables of a course folder's
 * {@code datasets/} and the CSVs students upload. An added set with an {@code owner} (an upload) is left out of
 * {@link #all} and {@link #names}, so no browser sees another's; who may use it is the sandbox's check.
 */
public final class Datasets {
    public static final int MIN_SAMPLES = 20;
    public static final int MAX_SAMPLES = 2000;
    public static final double MIN_NOISE = 0.0;
    public static final double MAX_NOISE = 0.5;
    /** Seed of the fixed 80/20 splits and of the generated sets. */
    public static final long DATA_SEED = 20_261_128L;

    private interface Generator {
        Samples generate(int samples, double noise, SplittableRandom random);
    }

    /** A registered set: either a CSV table or a generator with its defaults. */
    private record Entry(String name, String title, String description, String task, List<String> features,
                         List<String> classes, String csv, Generator generator, int defaultSamples,
                         double defaultNoise) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, Dataset> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, Samples> WHOLE = new ConcurrentHashMap<>();
    /** Added sets by name, split once when added, so replacing one (a reload) never serves a stale cache. */
    private static final Map<String, Added> ADDED = new ConcurrentHashMap<>();
    /** How every upload's name starts; a course folder's set may not take such a name. */
    public static final String UPLOAD_PREFIX = "upload-";
    /** Names an added set may take: safe in a URL path, a file name and Python's string literal. */
    public static final java.util.regex.Pattern ADDED_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * @param source who added it (a course folder, the uploads), so a reload replaces only its own sets
     * @param owner  the browser an upload belongs to, or null for a set everyone may use
     */
    private record Added(Dataset dataset, Samples whole, String source, String owner) {}

    static {
        table("boston_housing", "보스턴 집값",
                "1970년대 보스턴 근교 지역의 주택 가격 중앙값(MEDV, 단위 1,000달러)을 범죄율, 방 개수, 학생-교사 비율 등"
                + " 13개 특성으로 예측합니다. 강의 노트의 Keras 예제와 똑같이 keras.datasets.boston_housing의"
                + " 훈련 404행 / 테스트 102행 분할을 씁니다. 주의: B 열은 지역의 흑인 비율을 식으로 바꾼 값, 즉 인종을"
                + " 담은 특성입니다. scikit-learn은 이 윤리 문제 때문에 버전 1.2에서 이 데이터셋을 없앴습니다. 여기서는"
                + " 강의 노트의 결과를 재현하려고 남겨 두었습니다.",
                DatasetInfo.REGRESSION, null, "boston_housing/keras_train.csv");
        table("diabetes", "당뇨병 진행도",
                "당뇨병 환자 442명의 나이, 성별, 체질량지수(BMI), 혈압과 혈청 검사 6가지, 모두 10개 특성으로 1년 뒤의"
                + " 병 진행 정도를 예측합니다 (Efron 외, 2004; 척도를 바꾸지 않은 원래 값). 훈련 80% / 테스트 20%로"
                + " 고정해 나눕니다.",
                DatasetInfo.REGRESSION, null, "diabetes.csv");
        table("iris", "붓꽃 품종",
                "꽃받침과 꽃잎의 길이·너비 4개 특성으로 붓꽃 세 품종(setosa, versicolor, virginica)을 분류합니다"
                + " (Fisher, 1936). 품종마다 80% / 20%로 고정해 나눕니다.",
                DatasetInfo.MULTICLASS, List.of("setosa", "versicolor", "virginica"), "iris.csv");
        table("breast_cancer", "유방암 진단 (위스콘신)",
                "유방 종양 세포핵 사진에서 잰 30개 특성으로 종양이 악성(malignant, 0)인지 양성(benign, 1)인지"
                + " 분류합니다 (Wisconsin Diagnostic Breast Cancer, UCI). 목표값은 scikit-learn과 같습니다."
                + " 클래스마다 80% / 20%로 고정해 나눕니다.",
                DatasetInfo.BINARY, List.of("malignant", "benign"), "breast_cancer.csv");
        table("wine", "와인 품종",
                "이탈리아 한 지역에서 자란 세 품종 포도로 만든 와인 178병을 알코올, 페놀, 색의 세기 등 화학 성분 13개로"
                + " 분류합니다 (UCI Wine). 클래스마다 80% / 20%로 고정해 나눕니다.",
                DatasetInfo.MULTICLASS, List.of("class_0", "class_1", "class_2"), "wine.csv");
        table("digits", "손글씨 숫자 (8×8)",
                "8×8 픽셀 그림(밝기 0–16) 64개 특성으로 손글씨 숫자 0–9를 분류합니다 (UCI, scikit-learn의 digits)."
                + " 클래스마다 80% / 20%로 고정해 나눕니다.",
                DatasetInfo.MULTICLASS, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "digits.csv");
        generated("circle", "원",
                "가운데 원 안의 점(1)과 바깥 고리의 점(0)을 나눕니다. 직선 하나로는 나눌 수 없어 은닉층이 필요합니다."
                + " TensorFlow Playground의 Circle 데이터와 같은 방법으로 만듭니다.",
                DatasetInfo.BINARY, PlaygroundShapes::circle, 500);
        generated("xor", "XOR (배타적 논리합)",
                "x1·x2 ≥ 0인 1, 3사분면의 점(1)과 2, 4사분면의 점(0)을 나눕니다. 퍼셉트론 하나로는 풀 수 없는 유명한"
                + " 문제입니다. TensorFlow Playground의 Exclusive or 데이터와 같은 방법으로 만듭니다.",
                DatasetInfo.BINARY, PlaygroundShapes::xor, 500);
        generated("gauss", "두 가우스 분포",
                "(2, 2)와 (−2, −2)를 중심으로 흩어진 두 점 구름을 나눕니다. 직선 하나로 나눌 수 있는 가장 쉬운"
                + " 데이터입니다. noise를 키우면 두 구름이 겹칩니다. TensorFlow Playground의 Gaussian 데이터입니다.",
                DatasetInfo.BINARY, PlaygroundShapes::gauss, 500);
        generated("spiral", "나선",
                "서로 감긴 두 나선 팔을 나눕니다. 2차원 데이터 가운데 가장 어려워서 층과 뉴런이 충분해야 합니다."
                + " TensorFlow Playground의 Spiral 데이터와 같은 방법으로 만듭니다.",
                DatasetInfo.BINARY, PlaygroundShapes::spiral, 500);
        generated("moons", "두 초승달",
                "서로 맞물린 두 반달 모양의 점(0과 1)을 나눕니다. scikit-learn의 make_moons와 같은 방법으로 만들고,"
                + " noise는 점마다 더하는 정규분포 잡음의 표준편차입니다.",
                DatasetInfo.BINARY, PlaygroundShapes::moons, 500);
        generated("plane", "기울어진 평면 (회귀)",
                "점 (x1, x2)의 값 (x1 + x2) / 10을 예측합니다. 선형 모델로 충분한 회귀 문제입니다."
                + " TensorFlow Playground의 Plane 데이터입니다.",
                DatasetInfo.REGRESSION, PlaygroundShapes::plane, 1200);
        generated("multi_gauss", "여러 가우스 봉우리 (회귀)",
                "여섯 개의 봉우리와 골짜기가 있는 지형에서 점의 높이(−1 ~ 1)를 예측합니다."
                + " TensorFlow Playground의 Multi gaussian 데이터입니다.",
                DatasetInfo.REGRESSION, PlaygroundShapes::multiGauss, 1200);
    }

    private Datasets() {}

    private static void table(String name, String title, String description, String task, List<String> classes,
                              String csv) {
        ENTRIES.put(name, new Entry(name, title, description, task, CsvTable.featureNames(csv),
                classes == null ? List.of() : classes, csv, null, 0, 0));
    }

    private static void generated(String name, String title, String description, String task, Generator generator,
                                  int defaultSamples) {
        List<String> classes = DatasetInfo.REGRESSION.equals(task) ? List.of() : List.of("0", "1");
        ENTRIES.put(name, new Entry(name, title, description, task, List.of("x1", "x2"), classes, null, generator,
                defaultSamples, 0.0));
    }

    /** Every set anyone may use: bundled tables first, in a fixed order, then the added ones by name. */
    public static List<DatasetInfo> all() {
        List<DatasetInfo> infos = new ArrayList<>();
        for (String name : names()) info(name).ifPresent(infos::add);
        return List.copyOf(infos);
    }

    /** The names of {@link #all}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(ENTRIES.keySet());
        ADDED.entrySet().stream().filter(e -> e.getValue().owner() == null).map(Map.Entry::getKey).sorted()
                .forEach(names::add);
        return List.copyOf(names);
    }

    public static Optional<DatasetInfo> info(String name) {
        if (name == null) return Optional.empty();
        Added added = added(name);
        if (added != null) return Optional.of(added.dataset().info());
        return ENTRIES.containsKey(name) ? Optional.of(load(name).info()) : Optional.empty();
    }

    /**
     * Adds (or replaces) a table under {@code name}, split as the bundled tables are: stratified for classes, seeded.
     *
     * @param testFraction the share of rows (of each class) held out for testing, in (0, 1)
     * @throws BadCsvException          when the split leaves no test row or fewer than two training rows
     * @throws IllegalArgumentException for a bundled set's name or a name outside {@link #ADDED_NAME}
     */
    public static DatasetInfo add(String name, String title, String description, CsvText.Table table,
                                  double testFraction, long seed, String source, String owner) throws BadCsvException {
        if (!ADDED_NAME.matcher(name).matches() || ENTRIES.containsKey(name)) {
            throw new IllegalArgumentException("data set name taken or not allowed: " + name);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        Samples[] parts = HoldOut.split(table.samples(), table.classes().size(), seed, testFraction);
        if (parts[1].rows() < 1 || parts[0].rows() < 2) {
            throw new BadCsvException("훈련 " + parts[0].rows() + "행 / 테스트 " + parts[1].rows() + "행으로 나뉩니다: "
                    + "훈련은 2행, 테스트는 1행 이상이어야 합니다. 행을 늘리거나 test_size를 바꾸세요");
        }
        DatasetInfo info = new DatasetInfo(name, title, description, table.task(), table.features(), table.classes(),
                false, parts[0].rows(), parts[1].rows());
        ADDED.put(name, new Added(new Dataset(info, parts[0], parts[1]), table.samples(), source, owner));
        return info;
    }

    /** Forgets an added set (runs that already hold its rows keep them). */
    public static void remove(String name) {
        ADDED.remove(name);
    }

    /** The names {@code source} added, for replacing them on a reload. */
    public static List<String> addedBy(String source) {
        return ADDED.entrySet().stream().filter(e -> e.getValue().source().equals(source)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** The browser an added set belongs to; empty for a set everyone may use (or none of that name). */
    public static Optional<String> owner(String name) {
        Added added = added(name);
        return added == null ? Optional.empty() : Optional.ofNullable(added.owner());
    }

    /** Whether {@code name} is a generated 2-D set (which takes {@code samples} and {@code noise}). */
    public static boolean isGenerated(String name) {
        Entry e = ENTRIES.get(name);
        return e != null && e.generator != null;
    }

    /** The default {@code samples} of a generated set. */
    public static int defaultSamples(String name) {
        return entry(name).defaultSamples;
    }

    /** The default {@code noise} of a generated set. */
    public static double defaultNoise(String name) {
        return entry(name).defaultNoise;
    }

    /** A set with default parameters. */
    public static Dataset load(String name) {
        Added added = added(name);
        if (added != null) return added.dataset();
        Entry e = entry(name);
        return e.generator == null ? load(name, null, null)
                : LOADED.computeIfAbsent(name, n -> load(n, e.defaultSamples, e.defaultNoise));
    }

    /**
     * A set; {@code samples} and {@code noise} (null for the default) apply to generated sets only.
     *
     * @throws IllegalArgumentException for an unknown name or parameters outside the documented bounds
     */
    public static Dataset load(String name, Integer samples, Double noise) {
        Added added = added(name);
        if (added != null) return added.dataset();
        Entry e = entry(name);
        if (e.generator == null) return LOADED.computeIfAbsent(name, n -> loadTable(e));
        int n = samples == null ? e.defaultSamples : samples;
        double sigma = noise == null ? e.defaultNoise : noise;
        if (n < MIN_SAMPLES || n > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples must be in " + MIN_SAMPLES + ".." + MAX_SAMPLES + ", got " + n);
        }
        if (!(sigma >= MIN_NOISE && sigma <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be in " + MIN_NOISE + ".." + MAX_NOISE + ", got " + sigma);
        }
        Samples all = e.generator.generate(n, sigma, new SplittableRandom(DATA_SEED));
        Samples[] parts = HoldOut.split(all, e.classes.size(), DATA_SEED);
        return new Dataset(info(e, parts), parts[0], parts[1]);
    }

    /**
     * A bundled table whole, in its file's row order (Boston: the 506 rows as scikit-learn's {@code load_boston}
     * had them), for re-splitting as {@code train_test_split} does. Generated sets have no such table.
     *
     * @throws IllegalArgumentException for an unknown or generated set
     */
    public static Samples table(String name) {
        Added added = added(name);
        if (added != null) return added.whole();
        Entry e = entry(name);
        if (e.generator != null) throw new IllegalArgumentException("generated data set has no table: " + name);
        return WHOLE.computeIfAbsent(name, n -> CsvTable.read(n.equals("boston_housing") ? "boston_housing/boston.csv"
                : e.csv, e.classes.isEmpty() ? null : e.classes));
    }

    private static Dataset loadTable(Entry e) {
        List<String> classes = e.classes.isEmpty() ? null : e.classes;
        Samples[] parts;
        if (e.name.equals("boston_housing")) {
            parts = new Samples[] {CsvTable.read("boston_housing/keras_train.csv", null),
                CsvTable.read("boston_housing/keras_test.csv", null)};
        } else {
            parts = HoldOut.split(CsvTable.read(e.csv, classes), e.classes.size(), DATA_SEED);
        }
        return new Dataset(info(e, parts), parts[0], parts[1]);
    }

    private static DatasetInfo info(Entry e, Samples[] parts) {
        return new DatasetInfo(e.name, e.title, e.description, e.task, e.features, e.classes, e.generator != null,
                parts[0].rows(), parts[1].rows());
    }

    private static Added added(String name) {
        return name == null ? null : ADDED.get(name);
    }

    private static Entry entry(String name) {
        Entry e = name == null ? null : ENTRIES.get(name);
        if (e == null) throw new IllegalArgumentException("unknown data set: " + name);
        return e;
    }
}
