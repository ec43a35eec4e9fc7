package playground.keras;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import playground.data.Datasets;
import playground.keras.Value.Data.Role;
import playground.keras.Value.Data;
import playground.vocabulary.Vocabulary;

/**
 * Where a program's data comes from: {@code keras.datasets.boston_housing}, scikit-learn's loaders and
 * {@code train_test_split}, and the playground's own 2-D CSV files. Not thread-safe.
 */
final class DataSources {
    private final Refusals refusals;
    /** Samples and noise of a generated set, when its CSV file name gives them ({@code spiral_samples400_noise0.2_train.csv}). */
    final Map<String, double[]> generated = new HashMap<>();

    DataSources(Refusals refusals) {
        this.refusals = refusals;
    }

    Value kerasDataset(String path, Args a) {
        String set = path.substring("keras.datasets.".length(), path.length() - ".load_data".length());
        if (!set.equals(Vocabulary.KERAS_DATASET)) {
            throw refusals.refused(a.line, "keras.datasets." + set + "는 놀이터에 없는 데이터셋입니다. 쓸 수 있는 것: "
                    + "keras.datasets." + Vocabulary.KERAS_DATASET + ", scikit-learn의 " + Vocabulary.sklearnLoaders());
        }
        Value split = a.keywords.get("test_split");
        if (split != null && !(split instanceof Value.Num n && n.value() == 0.2)) {
            throw refusals.refused(a.keywordLines.get("test_split"), "test_split은 0.2(Keras 기본값)여야 합니다. 놀이터는"
                    + " Keras와 같은 훈련 404행 / 테스트 102행 나눔을 씁니다");
        }
        Value s = a.keywords.get("seed");
        if (s != null && !(s instanceof Value.Num n && n.value() == 113)) {
            throw refusals.refused(a.keywordLines.get("seed"), "load_data의 seed는 113(Keras 기본값)이어야 합니다. 놀이터는"
                    + " Keras와 같은 나눔을 씁니다");
        }
        Data d = new Data(Vocabulary.KERAS_DATASET, Role.X_TRAIN, false);
        return new Value.Seq(List.of(new Value.Seq(List.of(d, d.with(Role.Y_TRAIN)), false),
                new Value.Seq(List.of(d.with(Role.X_TEST), d.with(Role.Y_TEST)), false)), false);
    }

    Value sklearnDataset(String function, Args a) {
        String set = function.startsWith("load_") ? function.substring(5) : function;
        if (!Vocabulary.SKLEARN_DATASETS.contains(set)) {
            if (function.startsWith("load_") || function.startsWith("fetch_") || function.startsWith("make_")) {
                throw refusals.refused(a.line, function + "(...)는 놀이터에 없는 데이터셋입니다. 쓸 수 있는 것: "
                        + Vocabulary.sklearnLoaders() + ", keras.datasets." + Vocabulary.KERAS_DATASET);
            }
            return new Value.Unknown(null);
        }
        Value n = a.keywords.get("n_class");
        if (n != null && !(n instanceof Value.Num num && num.value() == 10)) {
            throw refusals.refused(a.keywordLines.get("n_class"), "n_class는 10이어야 합니다 (놀이터의 digits는 숫자 0–9 전부)");
        }
        Data d = new Data(set, Role.BUNCH, false);
        Value xy = a.keywords.get("return_X_y");
        if (xy instanceof Value.Bool b && b.value()) return new Value.Seq(List.of(d.with(Role.X), d.with(Role.Y)), false);
        return d;
    }

    Value trainTestSplit(Args a) {
        if (a.positional.size() != 2 || !(a.positional.get(0) instanceof Data x) || !(a.positional.get(1) instanceof Data y)) {
            Value first = a.positional.isEmpty() ? null : a.positional.get(0);
            if (first instanceof Value.Unknown u && u.problem() != null) throw new Refused(u.problem());
            throw refusals.refused(a.line, "train_test_split(X, y, ...)에 넣은 데이터를 알 수 없습니다");
        }
        if (x.role() != Role.X || y.role() != Role.Y || !x.dataset().equals(y.dataset())) {
            throw refusals.refused(a.line, "train_test_split에는 한 데이터셋의 X와 y 전체를 넣어야 합니다");
        }
        Value test = a.keywords.get("test_size");
        Value train = a.keywords.get("train_size");
        boolean eighty = test instanceof Value.Num t && t.value() == 0.2
                || test == null && train instanceof Value.Num r && r.value() == 0.8;
        if (!eighty) {
            throw refusals.refused(a.line, "test_size=0.2로 나눠야 합니다. 놀이터는 훈련 80% / 테스트 20%로 나눕니다"
                    + (test == null && train == null ? " (scikit-learn의 기본값은 0.25입니다)" : ""));
        }
        return new Value.Seq(List.of(x.with(Role.X_TRAIN), x.with(Role.X_TEST), y.with(Role.Y_TRAIN),
                y.with(Role.Y_TEST)), false);
    }

    /** {@code pd.read_csv('spiral_train.csv')}: a generated 2-D set, saved from the playground. */
    Value readCsv(Args a) {
        if (a.get(0, "filepath_or_buffer") instanceof Value.Str file) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "(?:.*/)?([a-z_]+?)(?:_samples(\\d{1,6})_noise([0-9.e-]{1,20}))?_(train|test)\\.csv").matcher(file.value());
            if (m.matches() && Datasets.isGenerated(m.group(1))) {
                if (m.group(2) != null) {
                    try {
                        generated.put(m.group(1), new double[]{Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3))});
                    } catch (NumberFormatException e) {
                        throw refusals.refused(a.line, "파일 이름의 samples와 noise를 읽을 수 없습니다");
                    }
                }
                return new Data(m.group(1), m.group(4).equals("train") ? Role.TRAIN_FRAME : Role.TEST_FRAME, false);
            }
        }
        return new Value.Unknown(null);
    }
}
