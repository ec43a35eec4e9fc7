package playground.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import playground.sklearn.Estimator;
import playground.sklearn.FitRun;
import playground.sklearn.InvalidParamException;
import playground.sklearn.KMeans;
import playground.sklearn.Pipeline;
import playground.sklearn.Sweep;

/**
 * A scikit-learn run document (issue 15: {@code model.estimator}, {@code params}, {@code preprocess},
 * {@code dataset.split}, {@code model.sweep}) read and validated with scikit-learn's names, defaults and ranges: the
 * document as a map, the estimator's name, the estimator it builds, the rows it fits on and its sweep (null without
 * one). What it costs to run is the running's business ({@code playground.runs}).
 */
public record EstimatorDocument(Map<String, Object> document, String name, Estimator estimator, FitRun.Data data,
                                Sweep sweep) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("dataset", "model", "seed");

    /** Whether a run document names a scikit-learn estimator rather than Keras layers. */
    public static boolean is(JsonNode document) {
        return document != null && document.path("model").has("estimator");
    }

    /** @throws InvalidConfigException naming the field at fault */
    public static EstimatorDocument read(JsonNode document) throws InvalidConfigException {
        if (!document.isObject()) throw new InvalidConfigException("", "JSON 객체({ ... })여야 합니다", document.toString());
        for (var names = document.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidConfigException(name, "알 수 없는 항목입니다. 쓸 수 있는 항목: dataset, model, seed",
                        document.get(name).toString());
            }
        }
        if (document.has("seed") && !document.get("seed").canConvertToLong()) {
            throw new InvalidConfigException("seed", "정수여야 합니다", document.get("seed").toString());
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = JSON.convertValue(document, Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> model = (Map<String, Object>) doc.get("model");
            if (!(model.get("estimator") instanceof String name)) {
                throw new InvalidConfigException("model.estimator", "문자열이어야 합니다", String.valueOf(model.get("estimator")));
            }
            Estimator estimator = FitRun.model(model, 0);
            FitRun.Data data = FitRun.data(doc.get("dataset"), core(estimator) instanceof KMeans);
            return new EstimatorDocument(doc, name, estimator, data, Sweep.of(doc, 0));
        } catch (InvalidParamException e) {
            throw invalid(e);
        } catch (ClassCastException e) {
            throw new InvalidConfigException("model", "JSON 객체여야 합니다", InvalidConfigException.MISSING);
        }
    }

    /** The estimator a pipeline ends in, or the estimator itself. */
    public static Estimator core(Estimator estimator) {
        return estimator instanceof Pipeline p ? p.estimator() : estimator;
    }

    /** scikit-learn's refusal of a parameter, as the document's error naming its field. */
    public static InvalidConfigException invalid(InvalidParamException e) {
        return new InvalidConfigException(e.field(), e.getMessage(), InvalidConfigException.MISSING);
    }
}
