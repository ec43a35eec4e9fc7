package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's words for overfitting's remedies, with Keras's names and defaults: the {@code Dropout} layer, the
 * weight regularizers a Dense layer takes ({@code kernel_regularizer}, {@code bias_regularizer}) and the
 * {@code EarlyStopping} callback of {@code fit.callbacks}. Immutable; safe to share between threads.
 */
public final class Remedies {
    private Remedies() {}

    /** Keras's {@code Dropout(rate)}: rate has no Keras default (required); 0.3 is what a layer the widget adds starts with. */
    public static final LayerType DROPOUT = new LayerType("Dropout", List.of(
            Param.number("rate", 0.3, 0, false, 1, true).labelled("rate (끄는 비율)")));

    /** The two Dense fields a regularizer goes in, as Keras names them. */
    public static final List<String> REGULARIZER_FIELDS = List.of("kernel_regularizer", "bias_regularizer");

    /**
     * A regularizer, {@code {"l1": a, "l2": b}}: Keras's {@code L1L2}, both factors 0 unless given. {@code keras} is the
     * class, {@code string} the default factor Keras's string form ({@code 'l1'}, {@code 'l2'}) and its one-factor
     * class take (0.01).
     */
    public record RegularizerType(String name, String keras, String label, Param factor) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("keras", keras);
            m.put("label", label);
            m.put("param", factor.json());
            m.put("keras_default", KERAS_FACTOR);  // what 'l2' and L2() use, and where the widget's strength starts
            return m;
        }
    }

    public static final double KERAS_FACTOR = 0.01;
    /** Larger factors only flatten every weight to 0; the bound keeps the number sane. */
    static final double MAX_FACTOR = 10;

    public static final List<RegularizerType> REGULARIZERS = List.of(
            new RegularizerType("l1", "L1", "L1 (가중치 절댓값의 합)",
                    Param.number("l1", 0.0, 0, false, MAX_FACTOR, false).labelled("l1 (세기)")
                            .suggesting(List.of(0.0001, 0.001, 0.01, 0.1))),
            new RegularizerType("l2", "L2", "L2 (가중치 제곱의 합)",
                    Param.number("l2", 0.0, 0, false, MAX_FACTOR, false).labelled("l2 (세기)")
                            .suggesting(List.of(0.0001, 0.001, 0.01, 0.1))));

    /** The class that takes both factors. */
    public static final String BOTH_CLASS = "L1L2";

    /** Keras's {@code EarlyStopping} modes: "auto" reads the direction from the monitored name. */
    public static final List<String> MODES = List.of("auto", "min", "max");

    /** Keras's {@code EarlyStopping} arguments the playground follows, with Keras's defaults. */
    public static final List<Param> EARLY_STOPPING = List.of(
            Param.choice("monitor", "history", "val_loss").labelled("monitor (지켜볼 값)"),
            Param.integer("patience", 0L, 0, 1000).labelled("patience (참을 에포크 수)"),
            Param.number("min_delta", 0.0, 0, false, 1e6, false).labelled("min_delta (최소 개선폭)"),
            Param.choice("mode", "modes", "auto").labelled("mode"),
            Param.flag("restore_best_weights", false).labelled("restore_best_weights (가장 좋았던 가중치로 되돌리기)"),
            Param.integer("start_from_epoch", 0L, 0, 1000).labelled("start_from_epoch (지켜보기 시작할 에포크)"));

    public static final String EARLY_STOPPING_NAME = "EarlyStopping";
    /** What the widget's EarlyStopping switch turns on (the course's usual choice, not Keras's patience 0). */
    public static final Map<String, Object> WIDGET_EARLY_STOPPING = Map.of("patience", 5L, "restore_best_weights", true);
    /** Callbacks one fit may list. */
    public static final int MAX_CALLBACKS = 4;

    /**
     * The largest model (weights of every layer) whose trained weights a result carries for "모델 내려받기": about 12
     * characters a weight, so a done message of at most ~360 KB (measured: 353 KB for 29,671 weights).
     */
    public static final long MAX_DOWNLOAD_PARAMS = 30_000;
    /** The downloaded model's file name, which the Keras code's set_weights block opens. */
    public static final String DOWNLOAD_FILE = "playground_model.json";

    public static Param earlyStopping(String name) {
        for (Param p : EARLY_STOPPING) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("EarlyStopping has no " + name);
    }

    /** {@code /api/options}'s {@code regularizers}, {@code callbacks} and {@code modes}. */
    static void putOptions(Map<String, Object> options) {
        options.put("regularizers", REGULARIZERS.stream().map(RegularizerType::json).toList());
        Map<String, Object> early = new LinkedHashMap<>();
        early.put("name", EARLY_STOPPING_NAME);
        early.put("params", EARLY_STOPPING.stream().map(Param::json).toList());
        early.put("widget", new java.util.TreeMap<>(WIDGET_EARLY_STOPPING));
        options.put("callbacks", List.of(early));
        options.put("modes", MODES);
        options.put("model_download", Map.of("max_params", MAX_DOWNLOAD_PARAMS, "file", DOWNLOAD_FILE));
    }
}
