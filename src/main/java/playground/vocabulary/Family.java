package playground.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * A family of models the widget's picker offers: the Keras network, and the scikit-learn estimators grouped as the
 * course teaches them (each estimator of {@code estimators} names its family). Immutable; safe to share.
 */
public record Family(String name, String label) {
    /** In the picker's order: the network first, then as the lessons meet them. */
    public static final List<Family> ALL = List.of(
            new Family("network", "신경망"),
            new Family("linear", "선형·로지스틱 회귀"),
            new Family("knn", "k-최근접 이웃"),
            new Family("tree", "결정 트리"),
            new Family("forest", "랜덤 포레스트"),
            new Family("adaboost", "에이다부스트"),
            new Family("kmeans", "k-평균"));

    Map<String, Object> json() {
        return Map.of("name", name, "label", label);
    }
}
