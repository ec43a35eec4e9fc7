package playground.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import playground.data.DatasetInfo;
import playground.data.InputFeatures;
import playground.data.Samples;

/**
 * The run's data set; {@code samples} and {@code noise} are set (defaults filled in) for generated 2-D sets only, and
 * {@code features} (TensorFlow Playground's input features, {@link InputFeatures}) only when the document names them.
 */
public record DatasetSpec(String name, Integer samples, Double noise, List<String> features) {
    public DatasetSpec {
        features = features == null ? null : List.copyOf(features);
    }

    public DatasetSpec(String name, Integer samples, Double noise) {
        this(name, samples, noise, null);
    }

    /** The document's shape: a bare name for a table, an object for a generated set (with its features, if any). */
    @JsonValue
    Object json() {
        return samples == null && noise == null ? name : new Generated(name, samples, noise, features);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Generated(String name, Integer samples, Double noise, List<String> features) {}

    /** The names of the model's input columns: the chosen features, else the data set's own columns. */
    public List<String> inputs(DatasetInfo info) {
        return features != null ? features : info.features();
    }

    /** The rows as the model reads them: with the chosen features computed from the two columns. */
    public Samples inputs(Samples rows) {
        return features != null ? InputFeatures.apply(features, rows) : rows;
    }

    /** The points of the plane as the model reads them (see {@link #inputs(Samples)}). */
    public double[] inputs(double[] points, int rows) {
        return features != null ? InputFeatures.apply(features, points, rows) : points;
    }
}
