package playground.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.data.InputFeatures;
import playground.engine.Adagrad;
import playground.engine.Adam;
import playground.engine.Metric;
import playground.engine.Metric.Measure;
import playground.engine.RmsProp;
import playground.engine.Sgd;
import playground.sklearn.EstimatorType;
import playground.sklearn.Estimators;

/**
 * The registry: the one place each name of the run document lives, with its Keras spelling, its rule and its Korean
 * label. The validator, the trainer, the Keras code writer, the Keras reader and (through {@code GET /api/options})
 * the browser all read it. Adding an optimizer is its engine class plus one entry in {@link #OPTIMIZERS}.
 * Immutable; safe to share between threads.
 */
public final class Vocabulary {
    /**
     * Keras takes any batch size (past the row count it is one batch); this bound only keeps the number sane. What a
     * big batch costs, memory and an uninterruptible step, the sandbox's admission decides (issue 18).
     */
    static final long MAX_BATCH_SIZE = 1_000_000;

    private Vocabulary() {}

    /** The largest seed: 2^53 − 1, exact in JavaScript. */
    public static final long MAX_SEED = 9_007_199_254_740_991L;
    public static final List<Double> LEARNING_RATES = List.of(0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0);

    /** A rate of 0 moves nothing and above 10 every run diverges; Keras's default differs per optimizer. */
    private static Param learningRate(double keras) {
        return Param.number("learning_rate", keras, 0, true, 10, false).labelled("학습률").suggesting(LEARNING_RATES);
    }

    private static Param epsilon(double keras) {
        return Param.number("epsilon", keras, 0, true, 1, false);
    }

    /** A decay rate of a moving average: 1 would never forget. */
    private static Param decay(String name, double keras) {
        return Param.number(name, keras, 0, false, 1, true);
    }

    public static final List<OptimizerType> OPTIMIZERS = List.of(
            new OptimizerType("sgd", "SGD", "SGD (확률적 경사 하강법)",
                    List.of(learningRate(Sgd.DEFAULT_LEARNING_RATE), decay("momentum", 0.0).labelled("모멘텀"),
                            Param.flag("nesterov", false).labelled("네스테로프 모멘텀")),
                    List.of("learning_rate", "momentum", "nesterov"), Map.of(),
                    s -> new Sgd(s.number("learning_rate"), s.number("momentum"), s.flag("nesterov")), s -> 1),
            new OptimizerType("rmsprop", "RMSprop", "RMSprop",
                    List.of(learningRate(RmsProp.DEFAULT_LEARNING_RATE), decay("rho", RmsProp.DEFAULT_RHO),
                            epsilon(RmsProp.DEFAULT_EPSILON)),
                    List.of("learning_rate", "rho", "momentum", "epsilon", "centered"),
                    Map.of("momentum", 0.0, "centered", false),
                    s -> new RmsProp(s.number("learning_rate"), s.number("rho"), s.number("epsilon")), s -> 1),
            new OptimizerType("adam", "Adam", "Adam",
                    List.of(learningRate(Adam.DEFAULT_LEARNING_RATE), decay("beta_1", Adam.DEFAULT_BETA_1),
                            decay("beta_2", Adam.DEFAULT_BETA_2), epsilon(Adam.DEFAULT_EPSILON),
                            Param.flag("amsgrad", false).labelled("AMSGrad")),
                    List.of("learning_rate", "beta_1", "beta_2", "epsilon", "amsgrad"), Map.of(),
                    s -> new Adam(s.number("learning_rate"), s.number("beta_1"), s.number("beta_2"),
                            s.number("epsilon"), s.flag("amsgrad")),
                    s -> s.flag("amsgrad") ? 3 : 2),
            new OptimizerType("adagrad", "Adagrad", "Adagrad",
                    List.of(learningRate(Adagrad.DEFAULT_LEARNING_RATE), epsilon(Adagrad.DEFAULT_EPSILON)),
                    List.of("learning_rate", "initial_accumulator_value", "epsilon"),
                    Map.of("initial_accumulator_value", Adagrad.INITIAL_ACCUMULATOR_VALUE),
                    s -> new Adagrad(s.number("learning_rate"), s.number("epsilon")), s -> 1));

    /** What Keras's {@code model.compile} uses when no optimizer is given. */
    public static final String KERAS_DEFAULT_OPTIMIZER = "rmsprop";

    private static final LossType.Output ONE_VALUE = new LossType.Output(1, "linear", false);
    private static final LossType.Output PER_CLASS = new LossType.Output(null, "softmax", true);

    public static final List<LossType> LOSSES = List.of(
            new LossType("mse", "mse (평균 제곱 오차)", "MeanSquaredError", List.of("mean_squared_error"), ONE_VALUE,
                    "예측값 하나를 내도록", null),
            new LossType("mae", "mae (평균 절대 오차)", "MeanAbsoluteError", List.of("mean_absolute_error"), ONE_VALUE,
                    "예측값 하나를 내도록", null),
            new LossType("binary_crossentropy", "binary_crossentropy (이진 교차 엔트로피)", "BinaryCrossentropy",
                    List.of(), new LossType.Output(1, "sigmoid", true), "확률 하나를 내도록", "0과 1 사이 확률을 내도록"),
            new LossType("categorical_crossentropy", "categorical_crossentropy (원-핫 레이블)",
                    "CategoricalCrossentropy", List.of(), PER_CLASS, "클래스마다 확률 하나씩,", "클래스별 확률을 내도록"),
            new LossType("sparse_categorical_crossentropy", "sparse_categorical_crossentropy (정수 레이블)",
                    "SparseCategoricalCrossentropy", List.of(), PER_CLASS, "클래스마다 확률 하나씩,",
                    "클래스별 확률을 내도록"));

    /** In the engine's order, which the validator's messages list. */
    public static final List<ActivationType> ACTIVATIONS = List.of(
            new ActivationType("linear", "linear", null, null, null),
            new ActivationType("sigmoid", "sigmoid", null, null, null),
            new ActivationType("tanh", "tanh", null, null, null),
            new ActivationType("relu", "relu", null, null, null),
            // 0.01 as the notes teach; keras.activations.leaky_relu's own default slope is 0.2, the layer's 0.3
            new ActivationType("leaky_relu", "leaky_relu", Param.number("alpha", 0.01, 0, false, 10, false)
                    .labelled("alpha (음수 쪽 기울기)"), 0.2,
                    new ActivationType.KerasLayer("LeakyReLU", "negative_slope", 0.3)),
            new ActivationType("elu", "elu", Param.number("alpha", 1.0, 0, false, 10, false)
                    .labelled("alpha (음수 쪽 크기)"), 1.0, new ActivationType.KerasLayer("ELU", "alpha", 1.0)),
            new ActivationType("softmax", "softmax", null, null, null));

    private static final List<String> CLASSIFICATION = List.of(DatasetInfo.BINARY, DatasetInfo.MULTICLASS);
    private static final List<String> REGRESSION = List.of(DatasetInfo.REGRESSION);

    /** Keras's names come from the engine's table ({@link Metric#aliases}); the registry adds labels and tasks. */
    public static final List<MetricType> METRICS = List.of(
            new MetricType("accuracy", List.of("acc"), CLASSIFICATION, "accuracy (정확도)", null),
            metric(Measure.MEAN_ABSOLUTE_ERROR, REGRESSION, "mae (평균 절대 오차)"),
            metric(Measure.MEAN_SQUARED_ERROR, REGRESSION, "mse (평균 제곱 오차)"),
            metric(Measure.ROOT_MEAN_SQUARED_ERROR, REGRESSION, "root_mean_squared_error (평균 제곱근 오차)"),
            metric(Measure.MEAN_ABSOLUTE_PERCENTAGE_ERROR, REGRESSION, "mape (평균 절대 백분율 오차)"),
            metric(Measure.MEAN_SQUARED_LOGARITHMIC_ERROR, REGRESSION, "msle (평균 제곱 로그 오차)"),
            metric(Measure.BINARY_ACCURACY, List.of(DatasetInfo.BINARY), "binary_accuracy (이진 정확도)"),
            metric(Measure.CATEGORICAL_ACCURACY, CLASSIFICATION, "categorical_accuracy (원-핫 레이블 정확도)"),
            metric(Measure.SPARSE_CATEGORICAL_ACCURACY, CLASSIFICATION,
                    "sparse_categorical_accuracy (정수 레이블 정확도)"));

    private static MetricType metric(Measure measure, List<String> tasks, String label) {
        List<String> names = Metric.aliases(measure);
        return new MetricType(names.get(0), names.subList(1, names.size()), tasks, label, measure);
    }

    /**
     * Keras's {@code Dense}. An omitted activation is linear (Keras's None). Units are required (Keras has no
     * default), so their default is only what a layer the widget adds starts with.
     */
    public static final LayerType DENSE = new LayerType("Dense", List.of(
            Param.integer("units", 16L, 1, 512).labelled("units (뉴런 수)"),
            Param.choice("activation", "activations", "linear").labelled("activation (활성화)"),
            Param.choice("kernel_regularizer", "regularizers", null).labelled("kernel_regularizer (가중치 규제)"),
            Param.choice("bias_regularizer", "regularizers", null).labelled("bias_regularizer (편향 규제)")));
    public static final List<LayerType> LAYERS = List.of(DENSE, Remedies.DROPOUT);
    public static final int MAX_LAYERS = 8;

    public static final List<Task> TASKS = List.of(
            new Task(DatasetInfo.REGRESSION, "회귀", List.of("mse", "mae"), List.of("mae")),
            new Task(DatasetInfo.BINARY, "이진 분류",
                    List.of("binary_crossentropy", "sparse_categorical_crossentropy", "categorical_crossentropy"),
                    List.of("accuracy")),
            new Task(DatasetInfo.MULTICLASS, "다중 분류",
                    List.of("sparse_categorical_crossentropy", "categorical_crossentropy"), List.of("accuracy")));

    static final String BATCH_HINT = "1이면 확률적 경사 하강법(SGD), 훈련 행 수 이상이면 배치 경사 하강법.";

    /** TensorFlow Playground's input features of a 2-D set ({@code dataset.features}), with how the widget writes them. */
    public static final List<Map<String, Object>> INPUT_FEATURES = InputFeatures.NAMES.stream()
            .map(Vocabulary::inputFeature).toList();

    private static Map<String, Object> inputFeature(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("label", name.replace("x1", "x₁").replace("x2", "x₂").replace("^2", "²"));
        m.put("default", InputFeatures.DEFAULT.contains(name));
        return m;
    }

    public static final List<Control> CONTROLS = List.of(
            new Control("dataset", "dataset", "select", "data",
                    Param.choice("dataset", "datasets", null).labelled("데이터 세트"), null, null, true),
            new Control("samples", "dataset.samples", "integer", "data",
                    Param.integer("samples", null, Datasets.MIN_SAMPLES, Datasets.MAX_SAMPLES)
                            .labelled("샘플 수 (samples)"), null, "기본값", false),
            new Control("noise", "dataset.noise", "number", "data",
                    Param.number("noise", null, Datasets.MIN_NOISE, false, Datasets.MAX_NOISE, false)
                            .labelled("노이즈 (noise)"), null, "기본값", false),
            new Control("features", "dataset.features", "choice", "data",
                    Param.choice("features", "input_features", null).labelled("입력 특성 (features)"),
                    "TensorFlow Playground처럼 x1, x2로 만든 특성을 입력으로 씁니다.", null, false),
            new Control("normalize", "model.normalize", "bool", "data",
                    Param.flag("normalize", false).labelled("Normalization (입력 정규화)"),
                    "특성마다 평균 0, 분산 1로 맞춥니다 (Keras Normalization.adapt).", null, true),
            new Control("layers", "model.layers", "choice", "model",
                    Param.choice("layers", "layers", null).labelled("Dense 층 목록"), null, null, false),
            new Control("optimizer", "compile.optimizer.name", "select", "compile",
                    Param.choice("name", "optimizers", null).labelled("optimizer (최적화 방법)"), null, null, true),
            new Control("amsgrad", "compile.optimizer.amsgrad", "bool", "compile",
                    Param.flag("amsgrad", false).labelled("amsgrad (Adam)"),
                    "지금까지 가장 큰 v로 나눠 한 걸음이 다시 커지지 않게 합니다 (Keras의 amsgrad=True).", null, false),
            new Control("learning_rate", "compile.optimizer.learning_rate", "number", "compile",
                    learningRate(0).withDefault(null).labelled("learning_rate (학습률)"),
                    "한 번 업데이트할 때 가중치를 얼마나 움직일지. 너무 크면 손실이 발산합니다.", "기본값", true),
            new Control("loss", "compile.loss", "select", "compile",
                    Param.choice("loss", "losses", null).labelled("loss (손실 함수)"), null, null, true),
            new Control("epochs", "fit.epochs", "integer", "fit",
                    Param.integer("epochs", 1L, 1, 1000).labelled("epochs (반복 횟수)"),
                    "훈련 데이터 전체를 몇 번 되풀이해 학습할지.", "1", true),
            new Control("batch_size", "fit.batch_size", "integer", "fit",
                    Param.integer("batch_size", 32L, 1, MAX_BATCH_SIZE).labelled("batch_size (배치 크기)"), BATCH_HINT, "32",
                    true),
            new Control("validation_split", "fit.validation_split", "number", "fit",
                    Param.number("validation_split", 0.0, 0, false, 1, true).labelled("validation_split (검증 비율)"),
                    "Keras처럼 섞기 전 훈련 데이터의 마지막 부분을 검증(val_loss)에 씁니다.", "0", true),
            new Control("shuffle", "fit.shuffle", "bool", "fit",
                    Param.flag("shuffle", true).labelled("shuffle (에포크마다 섞기)"), null, null, true),
            new Control("seed", "seed", "integer", "fit",
                    Param.integer("seed", null, 0, MAX_SEED).labelled("seed (시드)"),
                    "시드가 같으면 초기 가중치와 섞는 순서가 같아 결과도 같습니다.", "비우면 서버가 정함", true));

    /** The bundled set a Keras program loads with {@code keras.datasets.boston_housing.load_data()}. */
    public static final String KERAS_DATASET = "boston_housing";
    /** The bundled sets a Keras program loads with scikit-learn's {@code load_NAME}, in its messages' order. */
    public static final List<String> SKLEARN_DATASETS = List.of("iris", "breast_cancer", "wine", "digits", "diabetes");

    /** "load_iris, load_breast_cancer, …": the scikit-learn loaders, for messages. */
    public static String sklearnLoaders() {
        return String.join(", ", SKLEARN_DATASETS.stream().map(s -> "load_" + s).toList());
    }

    /* ---------------- look-ups ---------------- */

    private static <T> Optional<T> first(List<T> entries, Predicate<T> matches) {
        return entries.stream().filter(matches).findFirst();
    }

    public static Optional<OptimizerType> optimizer(String name) {
        return first(OPTIMIZERS, o -> o.name().equals(name));
    }

    /** The optimizer whose Keras class is {@code cls} ({@code RMSprop}). */
    public static Optional<OptimizerType> optimizerClass(String cls) {
        return first(OPTIMIZERS, o -> o.keras().equals(cls));
    }

    public static List<String> optimizerNames() {
        return OPTIMIZERS.stream().map(OptimizerType::name).toList();
    }

    public static Optional<LossType> loss(String name) {
        return first(LOSSES, l -> l.name().equals(name));
    }

    /** The loss Keras's string {@code s} names, in any case, by its name or an alias ({@code mean_squared_error}). */
    public static Optional<LossType> lossSpelled(String s) {
        return first(LOSSES, l -> l.spelled(s));
    }

    /** The loss whose {@code keras.losses} class is {@code cls}. */
    public static Optional<LossType> lossClass(String cls) {
        return first(LOSSES, l -> l.keras().equals(cls));
    }

    public static List<String> lossNames() {
        return LOSSES.stream().map(LossType::name).toList();
    }

    public static Optional<ActivationType> activation(String name) {
        return first(ACTIVATIONS, a -> a.name().equals(name));
    }

    /** The activation the Keras layer {@code cls} applies with its alpha ({@code LeakyReLU}, {@code ELU}). */
    public static Optional<ActivationType> activationLayer(String cls) {
        return first(ACTIVATIONS, a -> a.kerasLayer() != null && a.kerasLayer().cls().equals(cls));
    }

    public static List<String> activationNames() {
        return ACTIVATIONS.stream().map(ActivationType::name).toList();
    }

    public static Task task(String name) {
        return first(TASKS, t -> t.name().equals(name))
                .orElseThrow(() -> new IllegalArgumentException("no task " + name));
    }

    /** The tasks whose losses include {@code loss}. */
    public static List<String> tasksOf(String loss) {
        return TASKS.stream().filter(t -> t.losses().contains(loss)).map(Task::name).toList();
    }

    public static Control control(String name) {
        return first(CONTROLS, c -> c.name().equals(name))
                .orElseThrow(() -> new IllegalArgumentException("no control " + name));
    }

    /**
     * scikit-learn's part (issue 15): the widget's families with their Korean labels, every estimator with the params
     * its class reads, and the preprocessing steps. Declared in {@link Estimators}, beside the classes that read them.
     */
    static Map<String, Object> sklearn() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> families = new ArrayList<>();
        Estimators.FAMILIES.forEach((name, label) -> families.add(Map.of("name", name, "label", label)));
        m.put("estimator_families", families);
        m.put("estimators", Estimators.TYPES.stream().map(EstimatorType::json).toList());
        m.put("preprocessors", Estimators.PREPROCESSOR_TYPES.stream().map(Estimators.PreprocessorType::json).toList());
        return m;
    }

    /**
     * {@code GET /api/options} without its {@code datasets} (the server adds those): optimizers, losses (each with the
     * output layer it needs), activations, metrics, layers, controls, tasks (each with its default loss's output).
     */
    public static Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("optimizers", OPTIMIZERS.stream().map(OptimizerType::json).toList());
        List<Map<String, Object>> losses = new ArrayList<>();
        for (LossType l : LOSSES) {
            Map<String, Object> loss = new LinkedHashMap<>();
            loss.put("name", l.name());
            loss.put("label", l.label());
            loss.put("tasks", tasksOf(l.name()));
            loss.put("output", l.output().json());  // the last layer it needs ("classes": one unit per class)
            losses.add(loss);
        }
        m.put("losses", losses);
        m.put("activations", ACTIVATIONS.stream().map(ActivationType::json).toList());
        m.put("metrics", METRICS.stream().map(MetricType::json).toList());
        m.put("layers", LAYERS.stream().map(LayerType::json).toList());
        m.put("controls", CONTROLS.stream().map(Control::json).toList());
        m.put("input_features", INPUT_FEATURES);
        Map<String, Object> tasks = new LinkedHashMap<>();
        for (Task t : TASKS) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("label", t.label());
            task.put("output", loss(t.defaultLoss()).orElseThrow().output().json());
            task.put("losses", t.losses());
            task.put("default_loss", t.defaultLoss());
            task.put("metrics", t.metrics());
            tasks.put(t.name(), task);
        }
        m.put("tasks", tasks);
        Remedies.putOptions(m);
        m.put("network_family", Family.NETWORK.json());
        m.putAll(sklearn());
        return m;
    }
}
