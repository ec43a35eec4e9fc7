package playground.sklearn;

/** A classifier that gives class probabilities ({@code predict_proba}), classes in sorted order. */
public interface Probabilistic {
    double[][] predictProba(double[][] x);
}
