package playground.document;

import java.util.ArrayList;
import java.util.List;
import playground.data.DatasetInfo;
import playground.data.Datasets;
import playground.engine.Regularizer;
import playground.vocabulary.Param;
import playground.vocabulary.Remedies;

/**
 * The parts of {@link KerasCode} for Dropout, regularizers, EarlyStopping and after training: the test scores as the
 * widget shows them (R² too) and, commented out, the downloaded weights put back with {@code model.set_weights}.
 */
final class KerasRemedyCode {
    private KerasRemedyCode() {}

    static String dropout(LayerSpec layer) {
        return "layers." + Remedies.DROPOUT.type() + "(" + KerasCode.number(layer.rate()) + ")";
    }

    /** {@code , kernel_regularizer=keras.regularizers.L2(0.01)} and the bias's, or "" without any. */
    static String regularizers(LayerSpec layer) {
        return regularizer("kernel_regularizer", layer.kernel_regularizer())
                + regularizer("bias_regularizer", layer.bias_regularizer());
    }

    /** One factor: its one-factor class; both (or neither): L1L2 with both named, as its defaults are 0. */
    private static String regularizer(String field, Regularizer r) {
        if (r == null) return "";
        String call;
        if (r.l1() > 0 && r.l2() == 0) call = Remedies.REGULARIZERS.get(0).keras() + "(" + KerasCode.number(r.l1()) + ")";
        else if (r.l2() > 0 && r.l1() == 0) call = Remedies.REGULARIZERS.get(1).keras() + "(" + KerasCode.number(r.l2()) + ")";
        else call = Remedies.BOTH_CLASS + "(l1=" + KerasCode.number(r.l1()) + ", l2=" + KerasCode.number(r.l2()) + ")";
        return ", " + field + "=keras.regularizers." + call;
    }

    /** The callback's line (monitor always, the rest where it differs from Keras's default), or none. */
    static List<String> earlyStopping(FitSpec fit) {
        EarlyStoppingSpec es = fit.early_stopping();
        if (es == null) return List.of();
        List<String> args = new ArrayList<>(List.of("monitor='" + es.monitor() + "'"));
        Object[] values = {es.monitor(), (long) es.patience(), es.min_delta(), es.mode(), es.restore_best_weights(),
                (long) es.start_from_epoch()};
        for (int i = 1; i < values.length; i++) {
            Param p = Remedies.EARLY_STOPPING.get(i);
            Object v = values[i];
            if (v.equals(p.defaultValue())) continue;
            String text = v instanceof Boolean b ? (b ? "True" : "False") : v instanceof String s ? "'" + s + "'"
                    : v instanceof Double d ? KerasCode.number(d) : String.valueOf(v);
            args.add(p.name() + "=" + text);
        }
        return List.of("early_stopping = keras.callbacks." + Remedies.EARLY_STOPPING_NAME + "(" + String.join(", ", args) + ")");
    }

    /** fit's callbacks argument, or "". */
    static String callbacksArgument(FitSpec fit) {
        return fit.early_stopping() == null ? "" : ", callbacks=[early_stopping]";
    }

    /** The test scores the widget shows: evaluate's, then R² for a regression, computed as the widget computes it. */
    static List<String> evaluation(RunSpec spec) {
        List<String> lines = new ArrayList<>();
        if (spec.fit().early_stopping() != null) {
            lines.add("# EarlyStopping: stopped_epoch는 0부터 셉니다 (0이면 끝까지 훈련했습니다)");
            lines.add("print('stopped_epoch:', early_stopping.stopped_epoch, 'best_epoch:', early_stopping.best_epoch)");
        }
        lines.add("print(model.evaluate(X_test, y_test, verbose=0, return_dict=True))");
        boolean regression = Datasets.info(spec.dataset().name()).orElseThrow().task().equals(DatasetInfo.REGRESSION);
        if (regression) {
            lines.add("y_pred = model.predict(X_test, verbose=0).ravel()");
            lines.add("r2 = 1 - np.sum((y_test - y_pred) ** 2) / np.sum((y_test - np.mean(y_test)) ** 2)");
            lines.add("print('R²:', r2)");
        }
        return lines;
    }

    /** The commented block that rebuilds the trained model from the widget's download. */
    static List<String> setWeights(RunSpec spec) {
        String file = Remedies.DOWNLOAD_FILE;
        List<String> lines = new ArrayList<>(List.of(
                "",
                "# 놀이터에서 학습한 모델 그대로: 위젯의 '모델 내려받기'로 받은 " + file + "을(를) 올리고 아래 주석을 풀면,",
                "# 위 model(같은 층)에 학습된 가중치를 넣어 evaluate가 위젯의 테스트 손실을 그대로 보여 줍니다.",
                "# import json",
                "# with open('" + file + "', encoding='utf-8') as f:",
                "#     downloaded = json.load(f)",
                "# model.set_weights([np.array(w) for w in downloaded['weights']])",
                "# print(model.evaluate(X_test, y_test, verbose=0, return_dict=True))"));
        // scikit-learn's split shuffles differently from the playground's; the CSV and Keras sets are the same rows
        if (playground.vocabulary.Vocabulary.SKLEARN_DATASETS.contains(spec.dataset().name())) {
            lines.add("# (train_test_split의 테스트 행은 놀이터와 달라 값도 다릅니다. 같은 값을 보려면 위젯의 'CSV 내려받기'로"
                    + " 받은 테스트 파일로 X_test, y_test를 읽으세요)");
        }
        return lines;
    }
}
